// The one adapter for the `standardwebhooks` package (the reference
// implementation of the Standard Webhooks specification): secrets and
// signatures. Receivers verify with the same library (README "Webhooks").
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint secret: "whsec_" + base64 of 32 random bytes (the format the specification and its libraries read). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The three headers of one delivery attempt. `id` is the message's stable
 * webhook-id (the same on every retry, so receivers deduplicate);
 * `timestamp` is the attempt's own time, because receivers reject
 * signatures older than a few minutes (replay protection).
 */
export function signWebhook(options: { secret: string; id: string; timestamp: Date; body: string }): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const seconds = Math.floor(options.timestamp.getTime() / 1000);
  return {
    'webhook-id': options.id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(options.secret).sign(options.id, new Date(seconds * 1000), options.body),
  };
}
