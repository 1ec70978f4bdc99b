import type { ProgrammeDemo } from "../../platform/programme";
export const upskillingDemo: ProgrammeDemo = { load: async () => [] };
