// Key rotation for the secrets sealed at rest: calendar credentials and feed
// URLs, and webhook endpoints' signing secrets (or Slack/Teams URLs). Their AES
// key is derived from the server secret, so replacing that secret outright
// makes every stored one unreadable (calendar connections then fail with
// "unreadable_secret" until re-entered; webhook deliveries would dead-letter
// until the endpoint's secret is rotated). To keep them, re-seal them under the
// new secret first: scripts/reseal-calendar-secrets.ts. (`npm run
// secret:rotate` keeps the old key as a previous key, which still opens them.)
import type { Db } from '../db';
import { bindingOf as endpointBinding } from '../webhooks/endpoint-secret';
import { calendarKeyFrom, openSecret, sealSecret } from './secret-box';

/**
 * Re-encrypts every calendar connection's and webhook endpoint's secret from
 * `oldSecret`'s key to `newSecret`'s, in one transaction (all or nothing: a
 * secret that opens with neither key aborts it, and nothing is changed).
 * Idempotent: a secret that already opens with the new key is left as it is.
 * Returns how many of each were re-sealed or already used the new key.
 */
export async function resealCalendarSecrets(options: { db: Db; oldSecret: Buffer; newSecret: Buffer }): Promise<{ resealed: number; unchanged: number; webhooks: { resealed: number; unchanged: number } }> {
  const oldKey = calendarKeyFrom(options.oldSecret);
  const newKey = calendarKeyFrom(options.newSecret);
  /** The value sealed under the new key, or null when it already is. */
  const resealed = (binding: string, sealed: string): string | null => {
    try {
      openSecret(newKey, binding, sealed);
      return null;
    } catch {
      // Not yet under the new key.
    }
    return sealSecret(newKey, binding, openSecret(oldKey, binding, sealed));
  };
  return options.db.$transaction(async (tx) => {
    const connections = await tx.calendarConnection.findMany({ select: { id: true, secret: true } });
    let calendars = 0;
    for (const row of connections) {
      const secret = resealed(row.id, row.secret);
      if (secret === null) continue;
      await tx.calendarConnection.update({ where: { id: row.id }, data: { secret } });
      calendars++;
    }
    const endpoints = await tx.webhookEndpoint.findMany({ select: { id: true, secret: true } });
    let webhooks = 0;
    for (const row of endpoints) {
      const secret = resealed(endpointBinding(row.id), row.secret);
      if (secret === null) continue;
      await tx.webhookEndpoint.update({ where: { id: row.id }, data: { secret } });
      webhooks++;
    }
    return { resealed: calendars, unchanged: connections.length - calendars, webhooks: { resealed: webhooks, unchanged: endpoints.length - webhooks } };
  });
}
