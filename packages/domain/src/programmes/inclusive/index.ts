// 普惠服务 (9+X)'s shapes and descriptor: the programme's one public surface in the domain package.
export * from "./indicatorInfo";
export * from "./permissions";
export * from "./programme";
export * from "./vouchers";
