// How a connection's sync status reads in the console: "Last synced 2 h ago:
// authentication failed". Pure, so it is unit-tested without a browser.
import { ageOf } from '../../time';

export function describeSync(connection: { status: string; lastSyncedAt: string | null; lastErrorText: string | null }, now: number): string {
  const synced = connection.lastSyncedAt ? `Last synced ${ageOf(connection.lastSyncedAt, now)}` : 'Never synced';
  if (connection.status === 'failing') return `${synced}: ${connection.lastErrorText ?? 'the last sync failed'}. Slots use the busy times read before.`;
  if (connection.status === 'pending') return 'Waiting for the first sync.';
  return `${synced}.`;
}
