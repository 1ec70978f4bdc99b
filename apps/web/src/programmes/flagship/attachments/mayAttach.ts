import type { Role } from "@jiangxin/domain";

/**
 * Who adds photos and documents to the flagship's records: the people who work them (staff, the
 * enterprise, its experts), as the server's owners say (flagshipAttachmentOwners.ts); it checks again.
 */
export const mayAttach = (role: Role): boolean => ["province", "city", "county", "enterprise", "expert"].includes(role);
