import type { DbOrTx } from '../db';
import type { Prisma } from '../generated/sqlite/client';

export type AuditActor = { type: 'user'; id: string } | { type: 'reporter'; id?: string } | { type: 'system' };

/**
 * Appends one audit event. Call it with the transaction client of the change it
 * describes, so the event and the change commit (or roll back) together.
 */
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

export async function recordAuditEvent(options: AuditEventInput & { db: DbOrTx }): Promise<void> {
  await recordAuditEvents(options.db, [options]);
}

/** Appends several audit events in one statement (the batched intake writes one per request). */
export async function recordAuditEvents(db: DbOrTx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.auditEvent.createMany({
    data: events.map((event) => ({
      actorType: event.actor.type,
      actorId: 'id' in event.actor ? event.actor.id : undefined,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJson(event.before),
      after: toJson(event.after),
      ip: event.ip,
      createdAt: event.now,
    })),
  });
}

// Dates become ISO strings; undefined stays absent.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
