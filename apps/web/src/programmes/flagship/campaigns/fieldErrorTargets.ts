/**
 * Where each server field message belongs in a form. The server names fields by their path in the
 * request body ("targets.sessions", "regionCodes.0"); a form field may cover a whole array (one
 * TreeSelect holds every region), so a message lands on the longest form field its path starts with.
 * Messages for the same field are joined; those that fit no field are returned for a form-level alert.
 */
export function fieldErrorTargets(
  fields: Record<string, string>,
  formFields: readonly (readonly string[])[],
): { placed: { name: string[]; errors: string[] }[]; unplaced: string[] } {
  const byField = new Map<string, { name: string[]; errors: string[] }>();
  const unplaced: string[] = [];
  const candidates = [...formFields].sort((a, b) => b.length - a.length);
  for (const [path, message] of Object.entries(fields)) {
    const segments = path.split(".");
    const match = candidates.find((name) => name.length <= segments.length && name.every((part, i) => segments[i] === part));
    if (!match) {
      unplaced.push(message);
      continue;
    }
    const key = match.join(".");
    const entry = byField.get(key) ?? { name: [...match], errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  return { placed: [...byField.values()], unplaced };
}
