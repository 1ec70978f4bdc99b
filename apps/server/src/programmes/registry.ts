import type { Programme } from "../platform/programme";
import { competitions } from "./competitions";
import { flagship } from "./flagship";
import { inclusive } from "./inclusive";
import { stations } from "./stations";
import { upskilling } from "./upskilling";
import { recuperation } from "./recuperation";

/**
 * Every programme the server runs, in menu order: the one place a new programme is registered on the
 * server (its descriptor also joins packages/domain/src/programmes/index.ts). app.ts, the dashboard,
 * targets and the demo loader loop over this list.
 */
export const programmes: readonly Programme[] = [flagship, competitions, stations, upskilling, inclusive, recuperation];
