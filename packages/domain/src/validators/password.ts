import { commonPasswordsData } from "./commonPasswords";
import type { CheckResult } from "./result";

/** Length first (NIST SP 800-63B, OWASP ASVS 2.1): 12 characters; a 16-character passphrase needs no symbol classes. */
export const passwordMinLength = 12;
const passphraseLength = 16;
const minDistinct = 6;
/** Long enough for any passphrase, short enough that hashing a hostile megabyte-long value is not a DoS. */
const maxLength = 128;

/**
 * Fragments seen at the top of leaked-password lists, plus words an attacker targeting this
 * federation (匠心, 工会, Zhejiang) would try first. Matched as substrings, case-insensitively.
 */
export const passwordBlocklist: readonly string[] = [
  "password",
  "passw0rd",
  "12345678",
  "123456",
  "qwerty",
  "abc123",
  "111111",
  "000000",
  "admin",
  "welcome",
  "iloveyou",
  "letmein",
  "woaini",
  "5201314",
  "147258",
  "888888",
  "666666",
  "jiangxin",
  "gonghui",
  "zhejiang",
  "zgh",
  "union",
  "trade",
  "1qaz",
  "qazwsx",
  "asdf",
];
// Longest first, so "12345678" is named rather than the "123456" inside it.
const blocklistByLength = [...passwordBlocklist].sort((a, b) => b.length - a.length);

let commonPasswords: ReadonlySet<string> | undefined;
/** The shipped list, parsed on first use (a login page that never changes a password does not pay for it). */
const commonPasswordSet = (): ReadonlySet<string> => (commonPasswords ??= new Set(commonPasswordsData.split("\n")));

/** "Password2026!" → "password": the decorations people add to a common password to pass a rule. */
const coreOf = (folded: string): string => folded.replace(/^[^a-z]+/, "").replace(/[^a-z]+$/, "");

const classCount = (password: string): number =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;

/** Shorter context fragments (a 2-letter surname, "li") would reject too many good passwords. */
const minContextWordLength = 3;

/** "zhangsan@example.com" yields itself and "zhangsan", "example", so the local part alone is caught too. */
function contextFragments(contextWords: readonly string[]): string[] {
  const fragments = new Set<string>();
  for (const word of contextWords) {
    const folded = word.normalize("NFKC").trim().toLowerCase();
    for (const fragment of [folded, ...folded.split(/[\s@._\-+]+/)]) {
      if ([...fragment].length >= minContextWordLength) fragments.add(fragment);
    }
  }
  return [...fragments].sort((a, b) => b.length - a.length);
}

export const passwordPolicyText =
  "密码至少12位(16位以上的短语不限字符类别)，少于16位时需包含大写字母、小写字母、数字、符号中的至少三类，且不能是常见密码或包含用户名、姓名等个人信息";

/**
 * Checks a new password against the policy. `contextWords` are things about the account an
 * attacker would know (username, display name, email). Returns the password unchanged when it passes.
 */
export function checkPassword(password: string, contextWords: string[] = []): CheckResult<string> {
  const length = [...password].length;
  if (length < passwordMinLength) return { ok: false, message: `密码至少${passwordMinLength}位` };
  if (length > maxLength) return { ok: false, message: `密码不超过${maxLength}位` };
  // Compatibility folding so full-width "Ｐａｓｓｗｏｒｄ" counts as letters and cannot slip past the list.
  const compatible = password.normalize("NFKC");
  if (length < passphraseLength && classCount(compatible) < 3) {
    return { ok: false, message: "密码需包含大写字母、小写字母、数字、符号中的至少三类(或使用16位以上的短语)" };
  }
  if (new Set(compatible.toLowerCase()).size < minDistinct) return { ok: false, message: `密码至少包含${minDistinct}个不同的字符` };

  const folded = compatible.toLowerCase();

  const common = blocklistByLength.find((word) => folded.includes(word));
  if (common !== undefined) return { ok: false, message: `密码不能包含常见词“${common}”` };
  const core = coreOf(folded);
  if (commonPasswordSet().has(folded) || (core.length >= 4 && commonPasswordSet().has(core))) {
    return { ok: false, message: "这是常见密码(或在常见密码前后加了数字、符号)，请换一个" };
  }

  const personal = contextFragments(contextWords).find((fragment) => folded.includes(fragment));
  if (personal !== undefined) return { ok: false, message: `密码不能包含用户名等个人信息“${personal}”` };

  return { ok: true, value: password };
}
