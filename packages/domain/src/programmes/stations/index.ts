// 户外劳动者服务站's shapes, rules and descriptor: the programme's one public surface in the domain package.
export * from "./indicatorInfo";
export * from "./permissions";
export * from "./programme";
export * from "./station";
export * from "./stationReport";
export * from "./stats";
export * from "./upgradeRule";
export * from "./publicHolidays";
