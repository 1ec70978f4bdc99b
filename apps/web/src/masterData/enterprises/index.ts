// Enterprises' public surface for programmes' pages.
export { getEnterprise, listEnterprises } from "./api";
export { EnterprisePicker } from "./components/EnterprisePicker";
export { enterpriseQueryKeys } from "./enterpriseQueryKeys";
