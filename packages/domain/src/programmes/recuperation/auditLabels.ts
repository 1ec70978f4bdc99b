/** Chinese names of the actions this programme writes to the audit log, and of the objects they are about. */
export const recuperationAuditActions: Readonly<Record<string, string>> = {
  "recuperation.application.create": "申请疗休养",
  "import.recuperationApplications": "批量代报疗休养申请",
  "import.recuperationQuotas": "批量分配疗休养名额",
  "recuperation.base.create": "新增疗休养基地",
  "recuperation.route.create": "新增疗休养线路",
  "recuperation.session.create": "新增疗休养期次",
  "recuperation.base.update": "修改疗休养基地",
  "recuperation.route.update": "修改疗休养线路",
  "recuperation.session.update": "修改疗休养期次",
  "recuperation.quota.set": "设定疗休养名额",
  "recuperation.round.create": "新建分配轮次",
  "recuperation.round.commit": "承诺摇号种子",
  "recuperation.round.run": "执行摇号分配",
  "recuperation.round.publish": "公布分配结果",
};

export const recuperationAuditObjects: Readonly<Record<string, string>> = {
  recuperationApplication: "疗休养申请",
  recuperationApplications: "疗休养申请(批量)",
  recuperationQuotas: "疗休养名额分配(批量)",
  recuperationBase: "疗休养基地",
  recuperationOffer: "疗休养名额",
  recuperationQuota: "疗休养名额分配",
  recuperationRound: "分配轮次",
  recuperationRoute: "疗休养线路",
  recuperationSession: "疗休养期次",
};
