// The manager's one-click link (docs/decisions/0037): 24 random bytes, sent in the mail and never stored;
// the replacement keeps only its SHA-256, so a leaked database holds no working link.
import { createHash, randomBytes } from 'node:crypto';

export const hashDecisionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newDecisionToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashDecisionToken(token) };
}

export const decisionLink = (publicUrl: string | undefined, token: string) => `${publicUrl ?? ''}/utstyr/godkjenning?token=${token}`;
