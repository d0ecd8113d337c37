import type { DbOrTx } from '../db';
import { sortableId } from '../common/sortable-id';
import { insertRows, jsonColumn } from '../db-insert';

export type AuditActor = { type: 'user'; id: string } | { type: 'reporter'; id?: string } | { type: 'system' };

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
  now: Date;
}

/**
 * Appends one audit event. Call it with the transaction client of the change it
 * describes, so the event and the change commit (or roll back) together.
 */
export async function recordAuditEvent(options: AuditEventInput & { db: DbOrTx }): Promise<void> {
  await recordAuditEvents(options.db, [options]);
}

/** Appends several audit events in one statement (the batched intake writes one per request). */
export async function recordAuditEvents(db: DbOrTx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await insertRows(
    db,
    'AuditEvent',
    events.map((event) => ({
      id: sortableId(),
      actorType: event.actor.type,
      actorId: 'id' in event.actor ? event.actor.id : undefined,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      // Dates become ISO strings; undefined stays absent (NULL).
      before: jsonColumn(event.before),
      after: jsonColumn(event.after),
      ip: event.ip,
      createdAt: event.now,
    })),
  );
}
