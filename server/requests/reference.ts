import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to misread on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short human reference such as IR-7K3Q. Four characters give about a
 * million references; callers retry on the (rare) unique-index collision and
 * move to six characters after a few tries.
 */
export function createReference(length = 4): string {
  let code = '';
  for (let index = 0; index < length; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `IR-${code}`;
}

/** Accepts what people type: lowercase, spaces, O for 0, I/L for 1. */
export function normalizeReference(input: string): string {
  const upper = input.trim().toUpperCase().replace(/\s+/g, '');
  const body = upper.startsWith('IR-') ? upper.slice(3) : upper.startsWith('IR') ? upper.slice(2) : upper;
  return `IR-${body.replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}
