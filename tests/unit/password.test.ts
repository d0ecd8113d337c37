import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { createSecretToken, hashSecretToken, matchesSecretToken } from '../../server/auth/tokens';

describe('passwords', () => {
  it('verifies the right password and rejects others, with a fresh salt each time', async () => {
    const first = await hashPassword('Grüezi mitenand 2027');
    const second = await hashPassword('Grüezi mitenand 2027');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Grüezi mitenand 2027', first)).toBe(true);
    // NFC normalisation: the same text typed with a combining diaeresis matches.
    expect(await verifyPassword('Gru\u0308ezi mitenand 2027', first)).toBe(true);
    expect(await verifyPassword('gruezi mitenand 2027', first)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });
});

describe('secret tokens', () => {
  it('are 256-bit, URL-safe, unique, and only their hash is stored', () => {
    const tokens = new Set(Array.from({ length: 1000 }, createSecretToken));
    expect(tokens.size).toBe(1000);
    const token = [...tokens][0]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const hash = hashSecretToken(token);
    expect(matchesSecretToken(token, hash)).toBe(true);
    expect(matchesSecretToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), hash)).toBe(false);
  });
});
