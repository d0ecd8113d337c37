// Secret tokens (session cookies, manage links, feed URLs): 256 random bits,
// sent to the holder once, stored only as a SHA-256 hash. A fast hash is right
// here because the token has full entropy (no dictionary to guess from).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new URL-safe token with 256 bits of randomness (43 characters). */
export function createSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function matchesSecretToken(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecretToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
