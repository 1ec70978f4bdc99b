/** Chinese names of the actions this programme writes to the audit log, and of the objects they are about. */
export const stationsAuditActions: Readonly<Record<string, string>> = {
  "stationReport.create": "反馈站点问题",
  "stationReport.answer": "答复站点问题",
  "station.create": "新增服务站",
  "station.update": "修改服务站",
  "station.readPhone": "查看站点负责人电话",
  "station.checkIn": "站点签到",
};

export const stationsAuditObjects: Readonly<Record<string, string>> = {
  station: "服务站",
  stationReport: "站点问题反馈",
};
