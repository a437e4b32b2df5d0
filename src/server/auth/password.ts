// argon2id with the library's defaults (OWASP's recommended memory/time cost).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a throwaway password, verified when the account does not exist, so a wrong e-mail
// takes as long as a wrong password and does not reveal which accounts exist.
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('decoy-password-not-used');
  await verifyPassword(await decoy, password);
}
