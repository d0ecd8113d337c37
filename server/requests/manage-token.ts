// Reporters' manage tokens. A token is HMAC-SHA256(server secret, request id):
// 256 bits the reporter cannot guess, that the server can give again to a retry
// of the same create call (idempotency) and put into later emails, while the
// database stores only its SHA-256 hash (DESIGN.md rule 6).
import { createHmac } from 'node:crypto';
import { hashSecretToken, matchesSecretToken } from '../auth/tokens';

export function deriveManageToken(secret: Buffer, requestId: string): string {
  return createHmac('sha256', secret).update(`manage:${requestId}`).digest('base64url');
}

/**
 * The token of an existing request: derived with whichever key made it (its
 * hash is stored), so links stay the same after a key rotation. The current
 * key when none matches.
 */
export function manageTokenFor(keys: Buffer[], requestId: string, storedHash: string): string {
  for (const key of keys) {
    const token = deriveManageToken(key, requestId);
    if (hashManageToken(token) === storedHash) return token;
  }
  return deriveManageToken(keys[0]!, requestId);
}

export function hashManageToken(token: string): string {
  return hashSecretToken(token);
}

/** Constant-time check of a presented token against the stored hash. */
export function matchesManageToken(token: string, storedHash: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token) && matchesSecretToken(token, storedHash);
}

/** The reporter's private page for a request. */
export function manageUrl(publicUrl: string, reference: string, token: string): string {
  return `${publicUrl}/manage/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}
