// One attempt at an HTTP delivery (webhook event or desk alert), called by the
// outbox worker's HTTP lane (server/outbox/deliver-outbox.ts) with the
// attempt's abort signal. The body is the stored payload, byte for byte the
// same on every attempt; webhook rows are signed per Standard Webhooks.
import type { Db } from '../db';
import { PermanentRenderError } from '../outbox/render-outbox-message';
import { openEndpointSecret } from './endpoint-secret';
import { postJson, type PostResult } from './post-json';
import { signWebhook } from './sign-webhook';

/** The endpoint was disabled after the row was queued: a dead letter by the admin's choice, not a failure to alert about. */
export class DisabledEndpointError extends PermanentRenderError {}

export async function deliverHttpRow(db: Db, row: { id: string; endpointId: string | null; messageId: string; payload: unknown }, options: { signal: AbortSignal; allowPrivate: boolean }): Promise<PostResult> {
  if (!row.endpointId) throw new PermanentRenderError(`outbox row ${row.id} names no endpoint`);
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: row.endpointId }, select: { id: true, kind: true, url: true, secret: true, enabled: true } });
  if (!endpoint) throw new PermanentRenderError('The endpoint was deleted');
  // Disabled: nothing goes out; the row waits as a dead letter, to be sent again after re-enabling.
  if (!endpoint.enabled) throw new DisabledEndpointError('The endpoint is disabled');
  const body = JSON.stringify(row.payload);
  let opened: string;
  try {
    opened = openEndpointSecret(endpoint.id, endpoint.secret);
  } catch {
    throw new PermanentRenderError('The endpoint secret cannot be read with the server secret (was SECRET_KEY changed?); rotate the endpoint secret');
  }
  if (endpoint.kind === 'webhook') {
    // The signature's timestamp is this attempt's, by the real clock: receivers compare it with theirs.
    const headers = signWebhook({ secret: opened, id: row.messageId, timestamp: new Date(), body });
    return postJson({ url: endpoint.url, body, headers, signal: options.signal, allowPrivate: options.allowPrivate });
  }
  // Slack and Teams: the sealed secret is the incoming-webhook URL itself.
  return postJson({ url: opened, body, headers: {}, signal: options.signal, allowPrivate: options.allowPrivate });
}
