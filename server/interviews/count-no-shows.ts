// How often a reporter (or an outlet's reporters) did not turn up: interviews
// the desk recorded as no-shows, by media contact or by outlet. Shown next to
// the reporter in the queue, on the contact's card and beside the outlet, so
// a press officer sees the pattern before booking a spokesperson's time again.
import type { DbOrTx } from '../db';

/** No-shows per media contact id (ids without any are absent). */
export async function countNoShowsByContact(db: DbOrTx, contactIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(contactIds)];
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const rows = await db.interview.findMany({ where: { status: 'no_show', request: { mediaContactId: { in: ids } } }, select: { request: { select: { mediaContactId: true } } } });
  for (const row of rows) {
    const id = row.request.mediaContactId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** No-shows per outlet id, counted over the outlet's current contacts. */
export async function countNoShowsByOutlet(db: DbOrTx, outletIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(outletIds)];
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const rows = await db.interview.findMany({ where: { status: 'no_show', request: { mediaContact: { outletId: { in: ids } } } }, select: { request: { select: { mediaContact: { select: { outletId: true } } } } } });
  for (const row of rows) {
    const id = row.request.mediaContact?.outletId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
