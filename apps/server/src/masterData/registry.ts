import type { MasterDataModule } from "../platform/programme";
import { enterprisesModule } from "./enterprises";
import { expertsModule } from "./experts";
import { membersModule } from "./members";
import { peopleModule } from "./people";
import { unionsModule } from "./unions";

/** The shared master data every programme reads (through each module's index.ts), registered once here. */
export const masterDataModules: readonly MasterDataModule[] = [enterprisesModule, expertsModule, unionsModule, peopleModule, membersModule];
