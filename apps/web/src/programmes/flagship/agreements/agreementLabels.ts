/** Status tag colours: running (blue), done (green), stopped (grey). */
export const agreementStatusColors = { active: "processing", completed: "success", terminated: "default" } as const;
