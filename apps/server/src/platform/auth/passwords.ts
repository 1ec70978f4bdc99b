import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes); Algorithm.Argon2id is the library's default.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a throwaway hash when there is no such user, so an
 * unknown name costs the same time as a wrong password and timing does not reveal which names exist.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hash("no-such-user-" + Math.random(), options);
    await verify(await dummyHash, password);
    return false;
  }
  return verify(storedHash, password);
}
