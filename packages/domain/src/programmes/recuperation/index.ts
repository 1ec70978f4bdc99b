// 职工疗休养's shapes, rules and descriptor: the programme's one public surface in the domain package.
export * from "./allocate";
export * from "./indicatorInfo";
export * from "./lottery";
export * from "./permissions";
export * from "./programme";
export * from "./quotas";
export * from "./recuperation";
