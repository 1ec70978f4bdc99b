// Union organisations' public surface for other pages (people's membership forms pick a union).
export { getUnion, listUnions } from "./api";
export { UnionPicker } from "./components/UnionPicker";
export { unionQueryKeys } from "./unionQueryKeys";
