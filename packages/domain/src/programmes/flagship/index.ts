// 劳模工匠助企行's shapes, rules and descriptor: the flagship's one public surface in the domain package.
export * from "./agreement";
export * from "./campaign";
export * from "./correction";
export * from "./demand";
export * from "./indicatorInfo";
export * from "./indicators";
export * from "./outcome";
export * from "./permissions";
export * from "./planning";
export * from "./problemLifecycle";
export * from "./programme";
export * from "./recordRules";
export * from "./serviceSession";
export * from "./stats";
export * from "./training";
export * from "./myTasks";
export * from "./search";
