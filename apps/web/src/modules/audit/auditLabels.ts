/**
 * Chinese names for the actions and object types the server records. An action missing here is
 * still shown, by its code, so a new server action never disappears from the log.
 */
export const auditActionLabels: Record<string, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.changePassword": "修改密码",
  "enterprise.create": "新增企业",
  "enterprise.readContactPhone": "查看企业联系电话",
  "user.bootstrapAdmin": "创建初始管理员",
};

export const auditObjectLabels: Record<string, string> = {
  user: "用户",
  enterprise: "企业",
};
