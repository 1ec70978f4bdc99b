// People's web surface for other areas (我的 shows the same membership tags).
export { MembershipStatusTag } from "./components/MembershipStatusTag";
