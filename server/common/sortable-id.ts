import { randomBytes } from 'node:crypto';

// Ids for append-only rows (audit events, outbox messages, rate-limit events)
// that sort in the order this process created them, like the cuids Prisma
// generates: rows written in one transaction share one timestamp, and
// `orderBy: [{ createdAt }, { id }]` must still give them back in order.
// Layout: "c", milliseconds (base 36, 8 digits, as in a cuid), a per-process counter
// (base 36, 4 digits), 8 random base-36 digits against collisions between
// processes.
let lastMs = 0;
let counter = 0;

export function sortableId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter = (counter + 1) % 36 ** 4;
  }
  const random = [...randomBytes(8)].map((byte) => (byte % 36).toString(36)).join('');
  return `c${lastMs.toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${random}`;
}
