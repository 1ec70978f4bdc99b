/** Chinese names of the actions this programme writes to the audit log, and of the objects they are about. */
export const inclusiveAuditActions: Readonly<Record<string, string>> = {
  "inclusive.pointCreate": "新增核销点",
  "inclusive.voucherIssue": "发放餐券",
  "inclusive.voucherRedeem": "核销餐券",
};

export const inclusiveAuditObjects: Readonly<Record<string, string>> = {
  mealVoucher: "餐券",
  redemptionPoint: "核销点",
};
