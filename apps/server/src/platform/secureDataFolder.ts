import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The data folder holds the embedded database and, by default, the data key: no one but the
 * service's own user may read or change it. PGlite creates its files world-writable (0666) whatever
 * the umask, so the folder itself is 0700 — which makes everything inside unreachable to others —
 * and every file in it is set to 0600, every folder to 0700, at start and again at shutdown for the
 * files written meanwhile. Symbolic links are left alone (chmod would follow them out of the folder).
 * Returns how many entries had to be tightened.
 */
export function secureDataFolder(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let changed = 0;
  const visit = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) {
      chmodSync(p, want);
      changed++;
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return changed;
}
