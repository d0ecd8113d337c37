// The outbox worker: delivers queued messages with retries and exponential
// backoff, and parks the ones that keep failing as dead letters for staff to
// see and retry (DESIGN.md rule 5).
//
// Claiming: a worker leases rows by setting lockedBy/lockedUntil. On
// PostgreSQL the candidate rows are picked with FOR UPDATE SKIP LOCKED, so
// several instances sharing the database never pick the same row; on SQLite
// a conditional update claims the due rows. A lease that outlives a
// crashed worker simply expires and the row is picked up again.
//
// Sent at most once? The row is marked sent right after the SMTP server
// accepted the message. If the process dies in between, the message is sent
// again after the lease expires — with the same Message-ID and, for invites,
// the same UID and SEQUENCE, so mail and calendar clients treat it as the
// same message (a harmless duplicate, never a second event).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { MailTransport } from '../mail/transport';
import { PermanentRenderError, renderOutboxMessage, type OutboxRow } from './render-outbox-message';

/** Attempts before a message becomes a dead letter: with the backoff below, about a day. */
export const MAX_ATTEMPTS = 16;
/** How long a claimed row stays leased to one worker. Longer than one SMTP attempt can take (30 s). */
const LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min, … doubling, at most 2 hours between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  dead: number;
}

async function claim(database: Database, workerId: string, now: Date, batchSize: number): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  if (database.provider === 'postgres') {
    const rows = await database.prisma.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "OutboxMessage" SET "lockedBy" = $1, "lockedUntil" = $2
       WHERE id IN (
         SELECT id FROM "OutboxMessage"
         WHERE status = 'pending' AND "nextAttemptAt" <= $3 AND ("lockedUntil" IS NULL OR "lockedUntil" < $3)
         ORDER BY "nextAttemptAt" LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      workerId,
      leaseUntil,
      now,
      batchSize,
    );
    return rows.map((row) => row.id);
  }
  const due = await database.prisma.outboxMessage.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: 'asc' },
    take: batchSize,
    select: { id: true },
  });
  if (due.length === 0) return [];
  // One conditional UPDATE for the lot (each statement costs about a millisecond
  // here, and the worker shares SQLite's one connection with the requests);
  // the rows it did not claim are the ones someone else leased meanwhile.
  await database.prisma.outboxMessage.updateMany({
    where: { id: { in: due.map((row) => row.id) }, status: 'pending', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedBy: workerId, lockedUntil: leaseUntil },
  });
  return due.map((row) => row.id);
}

/** Delivers the messages due now (one batch). Never throws for a single message's failure. */
export async function deliverDueMessages(options: {
  database: Database;
  transport: MailTransport;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  logger: Logger;
  now?: Date;
  workerId?: string;
  batchSize?: number;
}): Promise<DeliveryResult> {
  const { database, transport, logger } = options;
  const db = database.prisma;
  const now = options.now ?? new Date();
  const workerId = options.workerId ?? randomUUID();
  const result: DeliveryResult = { sent: 0, retried: 0, dead: 0 };
  const ids = await claim(database, workerId, now, options.batchSize ?? 20);
  if (ids.length === 0) return result;
  // Only the rows this worker holds (a claim can lose some to another worker).
  const rows = (await db.outboxMessage.findMany({ where: { id: { in: ids }, lockedBy: workerId }, orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }] })) as (OutboxRow & { attempts: number })[];
  for (const row of rows) {
    const { id } = row;
    const attempts = row.attempts + 1;
    try {
      const message = await renderOutboxMessage(db, row, options.config);
      await transport.send(message);
      await db.outboxMessage.update({ where: { id }, data: { status: 'sent', sentAt: new Date(), attempts, lockedBy: null, lockedUntil: null, lastError: null } });
      result.sent++;
    } catch (error) {
      const permanent = error instanceof PermanentRenderError;
      const dead = permanent || attempts >= MAX_ATTEMPTS;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await db.outboxMessage.update({
        where: { id },
        data: { status: dead ? 'dead' : 'pending', attempts, lastError, lockedBy: null, lockedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) },
      });
      if (dead) result.dead++;
      else result.retried++;
      logger.warn({ outboxId: id, kind: row.kind, attempts, dead, err: lastError }, 'outbox delivery failed');
    }
  }
  return result;
}

/** Runs delivery every `intervalMs`; stop() waits for the batch in flight. */
export function startOutboxWorker(options: { database: Database; transport: MailTransport; config: Pick<Config, 'publicUrl' | 'mailFrom'>; logger: Logger; intervalMs?: number }) {
  const workerId = randomUUID();
  let inFlight: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    inFlight = inFlight
      .then(() => deliverDueMessages({ ...options, workerId }))
      .catch((error: unknown) => options.logger.error({ err: error }, 'outbox worker failed'));
  };
  const timer = setInterval(tick, options.intervalMs ?? 2_000);
  timer.unref();
  tick();
  return {
    workerId,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}

/** Puts a dead letter (or a stuck message) back in the queue, to be tried at once. */
export async function retryOutboxMessage(options: { database: Database; id: string; now: Date }) {
  const { count } = await options.database.prisma.outboxMessage.updateMany({
    where: { id: options.id, status: { in: ['dead', 'pending'] } },
    data: { status: 'pending', attempts: 0, nextAttemptAt: options.now, lockedBy: null, lockedUntil: null },
  });
  return count === 1;
}
