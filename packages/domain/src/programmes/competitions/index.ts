// 职业技能竞赛's shapes, rules and descriptor: the programme's one public surface in the domain package.
export * from "./competition";
export * from "./indicatorInfo";
export * from "./permissions";
export * from "./programme";
export * from "./resultLifecycle";
export * from "./scoring";
