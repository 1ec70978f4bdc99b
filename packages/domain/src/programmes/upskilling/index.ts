// 学历与技能提升 (双提升)'s shapes, rules and descriptor: the programme's one public surface in the domain package.
export * from "./application";
export * from "./eligibility";
export * from "./indicatorInfo";
export * from "./permissions";
export * from "./programme";
export * from "./scheme";
