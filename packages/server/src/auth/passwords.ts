import argon2 from "argon2";

/**
 * Hashes a password with argon2id (the library's defaults: 64 MiB, 3 passes), salt included.
 *
 * @example
 * const hash = await hashPassword("s3cret-pass"); // "$argon2id$v=19$m=65536,t=3,p=4$…"
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Whether `password` matches `hash`; false (not an error) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a login's password in the same time whether or not the account exists: a known account's
 * hash is verified as usual, while an unknown, disabled or password-less one is verified against a
 * dummy argon2id hash made with the same parameters (once per process) and always fails. Without it
 * an unknown e-mail answers in milliseconds and a known one after the hash — telling which exist.
 *
 * @example
 * const ok = await verifyLogin(found?.passwordHash ?? null, password); // false for unknown accounts
 */
export async function verifyLogin(hash: string | null, password: string): Promise<boolean> {
  if (hash !== null) return verifyPassword(hash, password);
  dummyHash ??= hashPassword(`vafa-dummy-${crypto.randomUUID()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Makes the dummy hash now (at start-up) so the first unknown login does not pay for it. */
export function warmDummyHash(): Promise<void> {
  dummyHash ??= hashPassword(`vafa-dummy-${crypto.randomUUID()}`);
  return dummyHash.then(() => {});
}
