// The outbox worker: delivers queued messages with retries and exponential
// backoff, and parks the ones that keep failing as dead letters for staff to
// see and retry (DESIGN.md rule 5).
//
// The delivery protocol, and the argument for "at most once per lease holder,
// at least once overall", is in server/mail/README.md ("Delivery protocol").
// In short:
// - A row is claimed just before it is sent (never queued behind other sends
//   while leased): lockedBy = a token unique to this claim, lockedUntil =
//   claim time + lease. PostgreSQL picks rows with FOR UPDATE SKIP LOCKED;
//   SQLite claims with one conditional UPDATE under its single write lock.
// - The attempt (render + SMTP) is aborted at claim time + send timeout, and
//   the lease is at least twice the send timeout, so an attempt is over long
//   before anyone else may claim the row.
// - Every later write to the row ("sent", "retry later", "dead", "released")
//   is fenced: `WHERE id = ? AND lockedBy = <this claim's token>`, so only the
//   current holder can record an outcome.
// - When "mark sent" fails after the server accepted (database lost), it is
//   retried until the lease ends, in this row's slot only: other rows are
//   unaffected and are claimed by free slots as usual.
// - Every attempt carries the Message-ID fixed at enqueue time (and, for
//   invites, the same UID and SEQUENCE), so the rare unavoidable resend is
//   recognisable as the same message.
// - Two lanes share this protocol: "email" (SMTP) and "http" (webhook events
//   and desk alerts, server/webhooks/). Each lane claims only its own rows
//   with its own slots and send timeout, so a receiver that takes its full
//   timeout to answer occupies an HTTP slot, never a mail slot.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db';
import type { Config, OutboxSettings } from '../env';
import type { Logger } from '../logger';
import type { MailTransport } from '../mail/transport';
import { PermanentRenderError, renderOutboxMessage } from './render-outbox-message';
import { claimDueEmails, recordEmailSent, type ClaimedRow } from './outbox-statements';
import { countDelivery } from '../metrics/metrics';
import { deliverHttpRow, DisabledEndpointError } from '../webhooks/deliver-http';
import { HttpDeliveryError } from '../webhooks/post-json';
import { enqueueHttpDeliveries } from '../webhooks/enqueue-deliveries';
import type { DeskAlert } from '../webhooks/render-alert';
import { performCalendarWrite } from '../calendars/write-back';
import { isDatabaseUnavailable } from '../errors';

/** Attempts before a message becomes a dead letter: with the backoff below, about a day. */
export const MAX_ATTEMPTS = 16;

/** The protocol's timings when the caller gives none: the defaults of the settings (server/env.ts). */
export const DEFAULT_OUTBOX_SETTINGS: Omit<OutboxSettings, 'smtpTimeoutMs'> = { concurrency: 4, leaseMs: 120_000, sendTimeoutMs: 30_000 };

/** HTTP deliveries to one endpoint in flight at once per instance: a slow receiver holds at most this many slots. */
export const PER_ENDPOINT_IN_FLIGHT = 2;

/** How often an idle worker looks for due messages. */
const DEFAULT_POLL_MS = 2_000;
/** Pauses between tries of "mark sent" while the database is unreachable. */
const MARK_RETRY_DELAYS_MS = [50, 100, 250, 500, 1_000, 2_000];

/** 30 s, 1 min, 2 min, … doubling, at most 2 hours between attempts, counted from the end of the attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  dead: number;
  /** Given back to the queue unsent (shutdown): due again at once. */
  abandoned: number;
  /** Accepted by the server, but "sent" could not be recorded (database lost, or the claim was lost): may be sent again. */
  unrecorded: number;
}

type Outcome = keyof DeliveryResult;

/** email: SMTP rows; http: webhook and desk-alert rows (every channel but email). */
export type DeliveryLane = 'email' | 'http';

/** Settings of the HTTP lane (server/env.ts, WEBHOOKS_*). */
export interface HttpLaneSettings {
  /** Deliveries to loopback/private addresses are allowed (otherwise refused at every connection). */
  allowPrivate: boolean;
  /** Cap on one HTTP attempt. */
  timeoutMs: number;
  /** HTTP deliveries one instance makes at once. */
  concurrency: number;
}

export const DEFAULT_HTTP_LANE: HttpLaneSettings = { allowPrivate: false, timeoutMs: 10_000, concurrency: 8 };

interface DeliveryOptions {
  database: Database;
  /** Needed by the email lane. */
  transport?: MailTransport;
  /** Which rows this pump delivers (default email). */
  lane?: DeliveryLane;
  /** The HTTP lane's settings (default DEFAULT_HTTP_LANE). */
  http?: Partial<HttpLaneSettings>;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  logger: Logger;
  /** A fixed clock (tests); otherwise the time of each step. */
  now?: Date;
  /** A clock to read at each step instead (tests that move time on); default the system clock. */
  clock?: () => Date;
  /** Prefix of the claim tokens, for the logs and the lockedBy column. */
  workerId?: string;
  settings?: Partial<Omit<OutboxSettings, 'smtpTimeoutMs'>>;
}

/** Claimed rows in the order they are sent: the longest due first, then by id. */
function claimed(rows: ClaimedRow[]): ClaimedRow[] {
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Claims up to `limit` due rows for one new claim token. The rows returned are
 * the ones this claim holds (a competing claim may win some).
 */
async function claimDue(database: Database, options: { token: string; now: Date; leaseMs: number; limit: number; lane: DeliveryLane; inFlightByEndpoint?: Map<string, number>; resume?: boolean }): Promise<ClaimedRow[]> {
  const { token, now, limit } = options;
  const email = options.lane === 'email';
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const db = database.prisma;
  if (options.resume) {
    // A claim whose answer was lost: the rows it took, if its UPDATE committed (none was handed out);
    // if it did not, a claim as usual under the same token.
    const taken = await db.outboxMessage.findMany({ where: { lockedBy: token, status: 'pending' }, orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }] });
    if (taken.length > 0) return taken as ClaimedRow[];
  }
  if (email) return claimed(await claimDueEmails(database, { token, now, leaseUntil, limit }));
  // HTTP lane: at most PER_ENDPOINT_IN_FLIGHT deliveries per endpoint at
  // once, so one slow receiver holds at most that many slots and the other
  // endpoints' deliveries go on. Endpoints at their cap are left out of the
  // query; the rest are picked in order within the cap. The claim is one
  // conditional UPDATE on both databases (on PostgreSQL, a row a concurrent
  // claim took is re-checked against the WHERE after its lock is released, no
  // longer matches, and is skipped).
  const inFlight = options.inFlightByEndpoint ?? new Map<string, number>();
  const busy = [...inFlight].filter(([, count]) => count >= PER_ENDPOINT_IN_FLIGHT).map(([id]) => id);
  const due = await db.outboxMessage.findMany({
    where: { status: 'pending', channel: { not: 'email' }, nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }], ...(busy.length ? { endpointId: { notIn: busy } } : {}) },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit * PER_ENDPOINT_IN_FLIGHT,
    select: { id: true, endpointId: true },
  });
  const taken = new Map(inFlight);
  const picked = due.filter((row) => {
    const key = row.endpointId ?? '';
    const count = taken.get(key) ?? 0;
    if (count >= PER_ENDPOINT_IN_FLIGHT) return false;
    taken.set(key, count + 1);
    return true;
  }).slice(0, limit);
  if (picked.length === 0) return [];
  return claimed(
    await db.outboxMessage.updateManyAndReturn({
      where: { id: { in: picked.map((row) => row.id) }, status: 'pending', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedBy: token, lockedUntil: leaseUntil },
    }),
  );
}

/**
 * Writes "sent" on a claimed row, fenced by its claim; returns the rows written (1, or 0 when the claim was lost).
 * An email takes one SQL statement (outbox-statements.ts); an HTTP delivery also records the receiver's answer, through updateMany.
 */
async function recordSent(database: Database, fence: { id: string; lockedBy: string; status: string }, sent: { at: Date; attempts: number; subject?: string; answer?: object }): Promise<number> {
  const { at, attempts, subject, answer } = sent;
  if (answer === undefined) return recordEmailSent(database.prisma, fence, { at, attempts, subject });
  const { count } = await database.prisma.outboxMessage.updateMany({
    where: fence,
    data: { status: 'sent', sentAt: at, lastAttemptAt: at, attempts, lockedBy: null, lockedUntil: null, lastError: null, ...(subject ? { subject } : {}), ...answer },
  });
  return count;
}

/**
 * Sends up to `concurrency` messages at a time, claiming each just before it
 * is sent. Shared by deliverDueMessages (one pass) and the worker (a loop).
 */
class DeliveryPump {
  readonly result: DeliveryResult = { sent: 0, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 };
  readonly inFlight = new Set<Promise<void>>();
  /** Aborts every send in flight; their rows go back to the queue at once. */
  readonly abandon = new AbortController();
  private readonly settings: Omit<OutboxSettings, 'smtpTimeoutMs'>;
  private readonly workerId: string;
  private readonly lane: DeliveryLane;
  private readonly http: HttpLaneSettings;
  private claims = 0;
  /**
   * A claim whose answer never came back: the claiming UPDATE may have
   * committed before its answer was lost with the connection. The next fill
   * takes it up under the same token and start, so its rows are sent now
   * instead of waiting out their lease.
   */
  private unanswered: { token: string; claimedAt: number } | undefined;
  /** HTTP lane: deliveries in flight per endpoint. */
  private readonly inFlightByEndpoint = new Map<string, number>();

  constructor(private readonly options: DeliveryOptions) {
    this.lane = options.lane ?? 'email';
    this.http = { ...DEFAULT_HTTP_LANE, ...options.http };
    const base = { ...DEFAULT_OUTBOX_SETTINGS, ...options.settings };
    // The HTTP lane has its own slots and a shorter cap per attempt (the lease stays the protocol's).
    this.settings = this.lane === 'http' ? { ...base, concurrency: this.http.concurrency, sendTimeoutMs: Math.min(this.http.timeoutMs, base.leaseMs / 2) } : base;
    this.workerId = `${options.workerId ?? randomUUID()}${this.lane === 'http' ? '/http' : ''}`;
    if (this.lane === 'email' && !options.transport) throw new Error('the email lane needs a mail transport');
  }

  private now(): Date {
    return this.options.now ?? this.options.clock?.() ?? new Date();
  }

  /** Claims rows for the free slots (at most `limit`) and starts sending them; returns how many. */
  async fill(limit = Infinity): Promise<number> {
    const free = Math.min(this.settings.concurrency - this.inFlight.size, limit);
    if (free <= 0) return 0;
    const resumed = this.unanswered;
    const token = resumed?.token ?? `${this.workerId}/${++this.claims}`;
    // The attempt's deadline counts from before the (first) claim, so it is never later than the lease allows.
    const claimedAt = resumed?.claimedAt ?? performance.now();
    this.unanswered = { token, claimedAt };
    const rows = await claimDue(this.options.database, { token, now: this.now(), leaseMs: this.settings.leaseMs, limit: free, lane: this.lane, inFlightByEndpoint: this.inFlightByEndpoint, resume: resumed !== undefined });
    this.unanswered = undefined;
    for (const row of rows) {
      const endpoint = row.endpointId ?? '';
      if (this.lane === 'http') this.inFlightByEndpoint.set(endpoint, (this.inFlightByEndpoint.get(endpoint) ?? 0) + 1);
      const task = this.deliver(row, token, claimedAt).then(
        (outcome) => {
          this.result[outcome]++;
          // Per kind, whatever the kind: mail, invites, and any kind added later (webhooks, alerts).
          countDelivery(row.kind, outcome);
        },
        // deliver() handles its own failures; anything else must not become an unhandled rejection.
        (error: unknown) => this.options.logger.error({ err: error, outboxId: row.id }, 'outbox delivery crashed'),
      );
      this.inFlight.add(task);
      void task.finally(() => {
        this.inFlight.delete(task);
        if (this.lane === 'http') {
          const left = (this.inFlightByEndpoint.get(endpoint) ?? 1) - 1;
          if (left > 0) this.inFlightByEndpoint.set(endpoint, left);
          else this.inFlightByEndpoint.delete(endpoint);
        }
      });
    }
    return rows.length;
  }

  /** Resolves when any send in flight ends (at once when none is). */
  async settleOne(): Promise<void> {
    if (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  async settleAll(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private async deliver(row: ClaimedRow, token: string, claimedAt: number): Promise<Outcome> {
    const { database, transport, logger } = this.options;
    const db = database.prisma;
    const fence = { id: row.id, lockedBy: token, status: 'pending' };
    const attempts = row.attempts + 1;
    const log = logger.child({ outboxId: row.id, kind: row.kind, claim: token });
    let renderedMs: number | undefined;
    let sentSubject: string | undefined;
    // What an HTTP receiver answered, kept for the delivery log.
    let answer: { responseStatus: number | null; responseExcerpt: string | null } | undefined;
    try {
      // A calendar write rides the email lane but is no email: a CalDAV write of the interview as it is now (server/calendars/write-back.ts), under the same claim and deadline.
      const calendarWrite = row.kind === 'calendar_write';
      const message = this.lane === 'email' && !calendarWrite ? await renderOutboxMessage(db, row, this.options.config) : undefined;
      // The mail view shows the Subject actually sent, which rendering may word differently from the queued one.
      if (typeof message?.subject === 'string') sentSubject = message.subject.replace(/[\r\n]+/g, ' ').slice(0, 300);
      renderedMs = Math.round(performance.now() - claimedAt);
      const remainingMs = Math.floor(this.settings.sendTimeoutMs - (performance.now() - claimedAt));
      if (remainingMs <= 0) throw new Error('The delivery attempt ran out of time before the message was sent');
      // One controller per attempt (listeners on the shared abandon signal are removed after each send).
      const attempt = new AbortController();
      const abandon = () => attempt.abort(this.abandon.signal.reason);
      this.abandon.signal.addEventListener('abort', abandon, { once: true });
      const deadline = setTimeout(() => attempt.abort(new Error(`The delivery attempt took longer than ${this.settings.sendTimeoutMs} ms`)), remainingMs);
      try {
        if (this.abandon.signal.aborted) abandon();
        if (message) await transport!.send(message, { signal: attempt.signal });
        else if (calendarWrite) await performCalendarWrite({ db, config: this.options.config, row, now: this.now(), signal: attempt.signal });
        else {
          const result = await deliverHttpRow(db, row, { signal: attempt.signal, allowPrivate: this.http.allowPrivate });
          answer = { responseStatus: result.status, responseExcerpt: result.excerpt };
        }
      } finally {
        clearTimeout(deadline);
        this.abandon.signal.removeEventListener('abort', abandon);
      }
    } catch (error) {
      if (error instanceof HttpDeliveryError) answer = { responseStatus: error.status ?? null, responseExcerpt: error.excerpt ?? null };
      if (this.abandon.signal.aborted && !(error instanceof PermanentRenderError)) {
        // Shutdown: not an attempt that failed; the row is due again at once, for any instance.
        await db.outboxMessage.updateMany({ where: fence, data: { lockedBy: null, lockedUntil: null } }).catch((releaseError: unknown) => {
          log.warn({ err: releaseError }, 'could not release an abandoned outbox row; it is retried when its lease ends');
        });
        return 'abandoned';
      }
      const dead = error instanceof PermanentRenderError || attempts >= MAX_ATTEMPTS;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      try {
        const now = this.now();
        // Backoff from the end of this attempt, however long it took.
        const data = { status: dead ? 'dead' : 'pending', attempts, lastError, lockedBy: null, lockedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastAttemptAt: now, ...answer };
        if (dead && row.kind !== 'desk_alert' && !(error instanceof DisabledEndpointError)) {
          // The desk hears of a dead letter in its chat, in the same transaction (an alert about an alert would loop).
          await database.prisma.$transaction(async (tx) => {
            const { count } = await tx.outboxMessage.updateMany({ where: fence, data });
            if (count === 1) await enqueueHttpDeliveries(tx, { now, alerts: [{ alert: deadLetterAlert(row, this.options.config.publicUrl), requestId: row.requestId ?? undefined }] });
          });
        } else await db.outboxMessage.updateMany({ where: fence, data });
      } catch (recordError) {
        // Nothing was sent; the row is retried when its lease ends.
        log.warn({ err: recordError }, 'could not record a failed outbox attempt');
      }
      log.warn({ attempts, dead, err: lastError, renderedMs, attemptMs: Math.round(performance.now() - claimedAt) }, 'outbox delivery failed');
      return dead ? 'dead' : 'retried';
    }
    return this.markSent(row, fence, attempts, claimedAt, log, sentSubject, answer);
  }

  /**
   * Records "sent", fenced by the claim token. While the database is
   * unreachable, tries again until the lease ends: as long as the row still
   * holds our token nobody else can send it, and one successful write settles it.
   */
  private async markSent(row: ClaimedRow, fence: { id: string; lockedBy: string; status: string }, attempts: number, claimedAt: number, log: Logger, subject?: string, answer?: object): Promise<Outcome> {
    const leaseEnd = claimedAt + this.settings.leaseMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const count = await recordSent(this.options.database, fence, { at: this.now(), attempts, subject, answer });
        if (count === 1) return 'sent';
        // The claim was lost (a stall longer than the lease's margin): the new holder decides.
        log.error({ messageId: row.messageId }, 'outbox message accepted by the server after its claim was lost; it may be sent again');
        return 'unrecorded';
      } catch (error) {
        const delay = MARK_RETRY_DELAYS_MS[Math.min(attempt, MARK_RETRY_DELAYS_MS.length - 1)]!;
        if (performance.now() + delay >= leaseEnd || this.abandon.signal.aborted) {
          log.error({ err: error, messageId: row.messageId }, 'outbox message accepted by the server but not recorded as sent; it will be sent again, with the same Message-ID');
          return 'unrecorded';
        }
        log.warn({ err: error }, 'recording a sent outbox message failed; trying again');
        await sleep(delay, undefined, { signal: this.abandon.signal }).catch(() => {});
      }
    }
  }
}

/**
 * Delivers the messages due now, up to `batchSize` (default 100), sending
 * `settings.concurrency` at a time and claiming each row just before it is
 * sent. Resolves when they are all settled. Never throws for a single
 * message's failure.
 */
export async function deliverDueMessages(options: DeliveryOptions & { batchSize?: number }): Promise<DeliveryResult> {
  const pump = new DeliveryPump(options);
  let remaining = options.batchSize ?? 100;
  try {
    for (;;) {
      const claimed = remaining > 0 ? await fillThroughOutage(pump, remaining) : 0;
      remaining -= claimed;
      if (claimed === 0) {
        if (pump.inFlight.size === 0) break;
        await pump.settleOne();
      }
    }
  } finally {
    await pump.settleAll();
  }
  return pump.result;
}

/** How long one batch run keeps claiming through a database outage before it gives up (the worker's loop has its own backoff). */
const BATCH_OUTAGE_PATIENCE_MS = 15_000;

/**
 * pump.fill, tried again while the database is briefly unreachable (a restart,
 * a failover, connections cut by an operator): sends already in flight go on
 * recording their outcomes (markSent retries), and the batch claims the rest
 * once the database answers again, instead of failing as a whole. Other errors,
 * and an outage longer than BATCH_OUTAGE_PATIENCE_MS, are thrown.
 */
async function fillThroughOutage(pump: DeliveryPump, limit: number): Promise<number> {
  const giveUpAt = performance.now() + BATCH_OUTAGE_PATIENCE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await pump.fill(limit);
    } catch (error) {
      const delay = MARK_RETRY_DELAYS_MS[Math.min(attempt, MARK_RETRY_DELAYS_MS.length - 1)]!;
      if (!isDatabaseUnavailable(error) || performance.now() + delay >= giveUpAt) throw error;
      await sleep(delay);
    }
  }
}

export interface OutboxWorker {
  workerId: string;
  /**
   * Stops claiming at once, lets sends in flight finish until `deadline`, then
   * abandons the rest (their rows are due again at once) and resolves by the
   * deadline (plus the time to release them).
   */
  stop(options?: { deadline?: number }): Promise<void>;
}

/**
 * Runs delivery until stopped: a free slot claims the next due message as soon
 * as it frees up; when nothing is due, the worker looks again every `pollMs`.
 * Without `lanes`, the email lane only; the server runs both, each with its
 * own slots, so neither waits for the other.
 */
export function startOutboxWorker(options: Omit<DeliveryOptions, 'now' | 'lane'> & { pollMs?: number; lanes?: DeliveryLane[] }): OutboxWorker {
  const workerId = options.workerId ?? randomUUID();
  const pumps = (options.lanes ?? ['email']).map((lane) => new DeliveryPump({ ...options, workerId, lane }));
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const stopping = new AbortController();
  const runLane = async (pump: DeliveryPump) => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      let claimed = 0;
      try {
        claimed = await pump.fill();
        failures = 0;
      } catch (error) {
        // Database unreachable: wait longer each time, up to ten polls.
        failures++;
        options.logger.error({ err: error }, 'outbox worker could not claim messages');
      }
      if (stopping.signal.aborted) break;
      if (claimed > 0) continue;
      const pause = sleep(pollMs * Math.min(2 ** Math.max(0, failures - 1), 10), undefined, { signal: stopping.signal }).catch(() => {});
      // A slot that frees up claims again at once (when something is due, it is found now).
      await Promise.race([pause, pump.inFlight.size > 0 ? pump.settleOne() : pause]);
    }
  };
  const loops = Promise.all(pumps.map(runLane));
  return {
    workerId,
    async stop(stopOptions = {}) {
      stopping.abort();
      await loops;
      const deadline = stopOptions.deadline ?? Infinity;
      const inFlight = () => pumps.reduce((sum, pump) => sum + pump.inFlight.size, 0);
      if (inFlight() > 0 && Number.isFinite(deadline)) {
        const waitMs = Math.max(0, deadline - Date.now());
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(pumps.map((pump) => pump.settleAll())), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
        clearTimeout(timer);
        if (inFlight() > 0) {
          options.logger.warn({ inFlight: inFlight() }, 'shutdown deadline reached: abandoning outbox sends in flight');
          for (const pump of pumps) pump.abandon.abort();
        }
      }
      await Promise.all(pumps.map((pump) => pump.settleAll()));
    },
  };
}

/** The desk's chat hears of a delivery that failed for good (no addresses or error texts: the chat is not erasable). */
function deadLetterAlert(row: ClaimedRow, publicUrl: string): DeskAlert {
  const email = row.channel === 'email';
  return {
    type: 'delivery.dead',
    title: email ? 'An email could not be delivered' : `A ${row.channel} delivery failed`,
    text: email ? `The "${row.kind}" email was given up after its last attempt; it waits in the outbox as a dead letter.` : `The "${row.subject}" delivery was given up after its last attempt; it waits in the delivery log as a dead letter.`,
    facts: [{ label: 'Kind', value: email ? row.kind : row.subject }],
    link: { label: email ? 'Open the outbox' : 'Open the webhooks', url: `${publicUrl}/desk/${email ? 'outbox' : 'webhooks'}` },
  };
}

/**
 * Puts a dead letter (or a message waiting for its next attempt) back in the
 * queue, to be tried at once. A message being sent right now (claimed, lease
 * running) is left alone: taking it from its holder could send it twice.
 */
export async function retryOutboxMessage(options: { database: Database; id: string; now: Date }) {
  const { count } = await options.database.prisma.outboxMessage.updateMany({
    where: { id: options.id, OR: [{ status: 'dead' }, { status: 'pending', OR: [{ lockedUntil: null }, { lockedUntil: { lt: options.now } }] }] },
    data: { status: 'pending', attempts: 0, nextAttemptAt: options.now, lockedBy: null, lockedUntil: null },
  });
  return count === 1;
}
