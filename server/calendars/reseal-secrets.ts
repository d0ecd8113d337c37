// Key rotation for calendar secrets. The AES key is derived from the server
// secret, so changing that secret makes every stored credential unreadable
// (connections then fail with "unreadable_secret" until re-entered). To keep
// them, re-seal them under the new secret first: scripts/reseal-calendar-secrets.ts.
import type { Db } from '../db';
import { calendarKeyFrom, openSecret, sealSecret } from './secret-box';

/**
 * Re-encrypts every connection's secret from `oldSecret`'s key to `newSecret`'s,
 * in one transaction (all or nothing). Idempotent: a secret that already opens
 * with the new key is left as it is. Returns how many were re-sealed.
 */
export async function resealCalendarSecrets(options: { db: Db; oldSecret: Buffer; newSecret: Buffer }): Promise<{ resealed: number; unchanged: number }> {
  const oldKey = calendarKeyFrom(options.oldSecret);
  const newKey = calendarKeyFrom(options.newSecret);
  return options.db.$transaction(async (tx) => {
    const rows = await tx.calendarConnection.findMany({ select: { id: true, secret: true } });
    let resealed = 0;
    for (const row of rows) {
      try {
        openSecret(newKey, row.id, row.secret);
        continue;
      } catch {
        // Not yet under the new key.
      }
      const plain = openSecret(oldKey, row.id, row.secret);
      await tx.calendarConnection.update({ where: { id: row.id }, data: { secret: sealSecret(newKey, row.id, plain) } });
      resealed++;
    }
    return { resealed, unchanged: rows.length - resealed };
  });
}
