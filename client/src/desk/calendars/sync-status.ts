// How a connection's sync status reads in the console: "Last synced 2 h ago:
// authentication failed". Pure, so it is unit-tested without a browser.

/** "just now", "12 min ago", "2 h ago", "3 days ago". */
export function ageOf(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function describeSync(connection: { status: string; lastSyncedAt: string | null; lastErrorText: string | null }, now: number): string {
  const synced = connection.lastSyncedAt ? `Last synced ${ageOf(connection.lastSyncedAt, now)}` : 'Never synced';
  if (connection.status === 'failing') return `${synced}: ${connection.lastErrorText ?? 'the last sync failed'}. Slots use the busy times read before.`;
  if (connection.status === 'pending') return 'Waiting for the first sync.';
  return `${synced}.`;
}
