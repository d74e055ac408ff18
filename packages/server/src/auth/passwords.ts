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
