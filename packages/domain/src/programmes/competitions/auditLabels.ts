/** Chinese names of the actions this programme writes to the audit log, and of the objects they are about. */
export const competitionsAuditActions: Readonly<Record<string, string>> = {
  "competition.create": "新建竞赛",
  "competitionEvent.create": "新建赛项",
  "competitionEvent.update": "修改赛项",
  "competitionEvent.draw": "抽签编号",
  "competitionEvent.openJudging": "开始评分",
  "goldBlueCollar.decline": "不予认定金蓝领",
  "goldBlueCollar.approve": "认定浙江金蓝领",
  "competitionMark.change": "修改评分",
  "competitionMark.enter": "录入评分",
  "competitionPanel.assign": "指定裁判",
  "competitionPanel.conflictRefused": "回避冲突拒绝分配",
  "competitionPanel.allocate": "分配评分任务",
  "competition.register": "竞赛报名",
  "competition.withdraw": "撤回报名",
  "competitionResults.sign": "签署竞赛成绩",
  "goldBlueCollar.nominate": "推荐金蓝领",
  "competitionAppeal.lodge": "提出成绩申诉",
};

export const competitionsAuditObjects: Readonly<Record<string, string>> = {
  competition: "竞赛",
  competitionAppeal: "成绩申诉",
  competitionEvent: "赛项",
  competitionMark: "评分",
  competitionRegistration: "竞赛报名",
  goldBlueCollar: "浙江金蓝领",
};
