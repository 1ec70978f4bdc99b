/** Chinese names of the actions this programme writes to the audit log, and of the objects they are about. */
export const upskillingAuditActions: Readonly<Record<string, string>> = {
  "upskilling.apply": "申请双提升补助",
  "upskilling.fixBankCard": "更正银行卡",
  "upskilling.createBatch": "生成发放批次",
  "upskilling.exportBankFile": "导出银行发放文件",
  "upskilling.importResults": "导入银行发放结果",
  "upskilling.approve": "审核通过补助申请",
  "upskilling.reject": "退回补助申请",
};

export const upskillingAuditObjects: Readonly<Record<string, string>> = {
  upskillingApplication: "补助申请",
  upskillingPaymentBatch: "发放批次",
};
