import type { AgreementStatus } from "@jiangxin/domain";

/** Status tag colours: not yet started (cyan), running (blue), past its term (orange), done (green), stopped (grey). */
export const agreementStatusColors: Record<AgreementStatus, string> = { signed: "cyan", active: "processing", expired: "orange", completed: "success", terminated: "default" };
