// 会员's public surface on the web: the API helpers other pages may use.
export { fetchMyMembership, memberQueryKeys } from "./api";
