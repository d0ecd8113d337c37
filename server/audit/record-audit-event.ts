import type { DbOrTx } from '../db';
import type { Prisma } from '../generated/sqlite/client';

export type AuditActor = { type: 'user'; id: string } | { type: 'reporter'; id?: string } | { type: 'system' };

/**
 * Appends one audit event. Call it with the transaction client of the change it
 * describes, so the event and the change commit (or roll back) together.
 */
export async function recordAuditEvent(options: {
  db: DbOrTx;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
  now: Date;
}): Promise<void> {
  await options.db.auditEvent.create({
    data: {
      actorType: options.actor.type,
      actorId: 'id' in options.actor ? options.actor.id : undefined,
      action: options.action,
      entityType: options.entityType,
      entityId: options.entityId,
      before: toJson(options.before),
      after: toJson(options.after),
      ip: options.ip,
      createdAt: options.now,
    },
  });
}

// Dates become ISO strings; undefined stays absent.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
