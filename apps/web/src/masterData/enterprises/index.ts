// Enterprises' public surface for programmes' pages.
export { getEnterprise, getEnterpriseContactPhone, listEnterprises } from "./api";
export { ContactPhoneReveal } from "./components/ContactPhoneReveal";
export { EnterprisePicker } from "./components/EnterprisePicker";
export { enterpriseQueryKeys } from "./enterpriseQueryKeys";
