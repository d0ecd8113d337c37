import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { calendarKeyFrom, openSecret, sealSecret, UnreadableSecretError } from './secret-box';

describe('calendar secret box', () => {
  const key = calendarKeyFrom(randomBytes(32));

  it('seals with a fresh IV each time and opens to the same text', () => {
    const first = sealSecret(key, 'conn-1', '{"password":"hunter2"}');
    const second = sealSecret(key, 'conn-1', '{"password":"hunter2"}');
    expect(first).not.toBe(second);
    expect(first).not.toContain('hunter2');
    expect(openSecret(key, 'conn-1', first)).toBe('{"password":"hunter2"}');
  });

  it('refuses another key, another connection id and an altered ciphertext', () => {
    const sealed = sealSecret(key, 'conn-1', 'secret');
    expect(() => openSecret(calendarKeyFrom(randomBytes(32)), 'conn-1', sealed)).toThrow(UnreadableSecretError);
    expect(() => openSecret(key, 'conn-2', sealed)).toThrow(UnreadableSecretError);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(key, 'conn-1', altered)).toThrow(UnreadableSecretError);
  });

  it('derives the same key from the same server secret (instances agree) and another from another', () => {
    const secret = randomBytes(32);
    expect(calendarKeyFrom(secret).equals(calendarKeyFrom(Buffer.from(secret)))).toBe(true);
    expect(calendarKeyFrom(secret).equals(calendarKeyFrom(randomBytes(32)))).toBe(false);
  });
});
