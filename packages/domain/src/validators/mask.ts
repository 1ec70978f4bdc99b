import { normaliseLandline } from "./landline";
import { normaliseMobile } from "./mobile";

/**
 * Keeps `head` leading and `tail` trailing characters and stars the rest, one star per character.
 * Input shorter than the format it is meant to be gets at most half revealed, so a truncated
 * value never leaks more than the masked full value would.
 */
function maskMiddle(value: string, head: number, tail: number, fullLength: number): string {
  // Code points, so a rare CJK character outside the BMP is never split into half a surrogate pair.
  const chars = [...value.trim()];
  let keepHead = head;
  let keepTail = tail;
  if (chars.length < fullLength) {
    const budget = Math.min(head + tail, Math.floor(chars.length / 2));
    // Favour the tail: people recognise "the one ending 5678", and the head is often a shared prefix.
    keepTail = Math.min(tail, Math.ceil(budget / 2));
    keepHead = Math.min(head, budget - keepTail);
  }
  return chars.map((char, i) => (i < keepHead || i >= chars.length - keepTail ? char : "*")).join("");
}

/** "13812345678" → "138****5678"; "0571-88886666" → "0571-****6666". Formatted input ("+86 138-1234-5678") is reduced to 11 digits first. */
export function maskPhone(phone: string): string {
  // A landline keeps its area code (a place, not a person) and its last four: "0571-****6666".
  const landline = /^0/.test(phone.trim()) ? normaliseLandline(phone) : undefined;
  if (landline?.ok) {
    const [area = "", local = "", ext] = landline.value.split("-");
    return `${area}-${maskMiddle(local, 0, 4, local.length)}${ext ? `-${ext}` : ""}`;
  }
  const normalised = normaliseMobile(phone);
  return maskMiddle(normalised.ok ? normalised.value : phone, 3, 4, 11);
}

/** "11010519491231002X" → "110105********002X": region and last four stay visible for matching by eye. */
export function maskResidentId(id: string): string {
  return maskMiddle(id, 6, 4, 18);
}

/** "张三丰" → "张**". A one-character name becomes "*" because showing it would reveal all of it. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*".repeat(chars.length);
  return chars[0] + "*".repeat(chars.length - 1);
}
