import { competitionsProgramme } from "./competitions";
import { flagshipProgramme } from "./flagship";
import { inclusiveProgramme } from "./inclusive";
import { recuperationProgramme } from "./recuperation";
import { stationsProgramme } from "./stations";
import { upskillingProgramme } from "./upskilling";

/**
 * Every programme, in menu order. Adding a programme adds its descriptor here (and its server and web
 * folders register in apps/server/src/programmes/registry.ts and apps/web/src/programmes/registry.ts).
 */
export const programmeDescriptors = [flagshipProgramme, competitionsProgramme, stationsProgramme, upskillingProgramme, recuperationProgramme, inclusiveProgramme] as const;
export type ProgrammeId = (typeof programmeDescriptors)[number]["id"];
export type { IndicatorInfo, ProgrammeDescriptor } from "./programmeDescriptor";
