// Endpoint secrets at rest: the same AES-256-GCM box as calendar credentials
// (server/calendars/secret-box.ts, key derived from the server secret), bound
// to the endpoint's id so a sealed value copied to another row does not open.
import { calendarKeyFrom, openSecret, sealSecret, UnreadableSecretError } from '../calendars/secret-box';
import { getServerKeys } from '../secrets';

/** What a sealed endpoint secret is bound to (also used to re-seal it: server/calendars/reseal-secrets.ts). */
export const bindingOf = (endpointId: string) => `webhook-endpoint:${endpointId}`;

export function sealEndpointSecret(endpointId: string, plaintext: string): string {
  return sealSecret(calendarKeyFrom(getServerKeys().current), bindingOf(endpointId), plaintext);
}

/** Opens with the current key or a previous one (after a rotation). Throws UnreadableSecretError. */
export function openEndpointSecret(endpointId: string, sealed: string): string {
  for (const key of getServerKeys().all) {
    try {
      return openSecret(calendarKeyFrom(key), bindingOf(endpointId), sealed);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
    }
  }
  throw new UnreadableSecretError('the endpoint secret does not decrypt with the server secret');
}
