import type { ProgrammeDemo } from "../../../platform/programme";

export const competitionsDemo: ProgrammeDemo = {
  load: async () => [],
};
