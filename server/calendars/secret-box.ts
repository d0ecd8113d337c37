// Encryption at rest of calendar credentials and secret feed URLs: AES-256-GCM
// with a key derived (HKDF-SHA256) from the server secret (server/secrets.ts),
// so wherever that secret lives the key follows it and is never stored itself.
// Stored form: "v1." + base64url(12-byte IV | 16-byte tag | ciphertext). The
// connection id is bound in as additional data, so a ciphertext copied onto
// another connection does not decrypt. Rotation: README "Rotating the key".
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const HKDF_INFO = 'interview-desk calendar credentials v1';

export class UnreadableSecretError extends Error {}

/** The AES key for calendar secrets, from the server secret. */
export function calendarKeyFrom(serverSecret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), HKDF_INFO, 32));
}

export function sealSecret(key: Buffer, connectionId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(connectionId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Throws UnreadableSecretError when the key is not the one it was sealed with (or the text was altered). */
export function openSecret(key: Buffer, connectionId: string, sealed: string): string {
  const [version, encoded] = sealed.split('.');
  if (version !== VERSION || !encoded) throw new UnreadableSecretError('unknown secret format');
  const raw = Buffer.from(encoded, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(connectionId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableSecretError('the calendar secret does not decrypt with the current server secret');
  }
}
