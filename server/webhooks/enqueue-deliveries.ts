// Queues webhook events and desk alerts in the outbox, inside the caller's
// transaction: the change and its deliveries commit together or not at all
// (DESIGN.md rule 5), exactly as for emails. One row per endpoint, with its
// own stable webhook-id ("msg_…") in messageId, so receivers deduplicate
// retries; the HTTP lane of the outbox worker delivers them (deliver-http.ts).
import type { DbOrTx, Tx } from '../db';
import { insertRows, jsonColumn } from '../db-insert';
import { sortableId } from '../common/sortable-id';
import { formatInstantInZones } from '../mail/format-local-time';
import { readOfficeProfile } from '../office/office-profile';
import { requestEventData, requestEventSelect, type WebhookBody, type WebhookEventType } from './events';
import { renderSlackAlert, renderTeamsAlert, type DeskAlert } from './render-alert';

export interface EventToSend {
  type: WebhookBody['type'];
  data: Record<string, unknown>;
  requestId?: string;
  interviewId?: string;
}

export interface AlertToSend {
  alert: DeskAlert;
  requestId?: string;
  /** Set for alerts sent once per thing (a deadline): a second enqueue with the same key adds nothing. */
  onceKey?: string;
}

interface Target {
  id: string;
  kind: string;
  url: string;
  events: unknown;
}

/** Enabled endpoints and alert channels; one query per transaction that queues anything. */
async function loadTargets(db: DbOrTx): Promise<Target[]> {
  return db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, kind: true, url: true, events: true } });
}

function subscribes(target: Target, type: string): boolean {
  return target.kind === 'webhook' && Array.isArray(target.events) && (target.events as string[]).includes(type);
}

/** A new webhook-id: unique, and sortable so the delivery log reads in order. */
export function newWebhookId(): string {
  return `msg_${sortableId()}`;
}

/**
 * Queues each event for every enabled endpoint subscribed to it, and each
 * alert for every enabled Slack/Teams channel. `only` restricts to one
 * endpoint (the console's "send test event", which goes whatever it subscribes to).
 * Returns how many rows were queued.
 */
export async function enqueueHttpDeliveries(tx: DbOrTx, options: { now: Date; events?: EventToSend[]; alerts?: AlertToSend[]; only?: Target; targets?: Target[] }): Promise<number> {
  // A caller that already read the targets in this transaction hands them over, so they are read once.
  const targets = options.only ? [options.only] : (options.targets ?? (await loadTargets(tx)));
  if (targets.length === 0) return 0;
  type Row = Parameters<typeof insertRows>[2][number];
  const rows: Row[] = [];
  for (const event of options.events ?? []) {
    const body: WebhookBody = { type: event.type, timestamp: options.now.toISOString(), data: event.data };
    for (const target of targets) {
      if (!options.only && !subscribes(target, event.type)) continue;
      rows.push({ ...baseRow(target, options.now), kind: 'webhook', subject: event.type, payload: jsonColumn(body), requestId: event.requestId, interviewId: event.interviewId, messageId: newWebhookId() });
    }
  }
  const onceRows: Row[] = [];
  for (const { alert, requestId, onceKey } of options.alerts ?? []) {
    for (const target of targets) {
      if (target.kind !== 'slack' && target.kind !== 'teams') continue;
      const row = { ...baseRow(target, options.now), kind: 'desk_alert', subject: alert.type, payload: jsonColumn(target.kind === 'slack' ? renderSlackAlert(alert) : renderTeamsAlert(alert)), requestId, interviewId: undefined, messageId: onceKey ? `alert_${onceKey}_${target.id}` : newWebhookId() };
      (onceKey ? onceRows : rows).push(row);
    }
  }
  let queued = rows.length ? await insertRows(tx, 'OutboxMessage', rows) : 0;
  // The deterministic messageId is the "once": another instance (or an earlier run) got there first.
  if (onceRows.length) queued += await insertRows(tx, 'OutboxMessage', onceRows, { ignoreDuplicates: true });
  return queued;
}

function baseRow(target: Target, now: Date) {
  return { id: sortableId(), channel: target.kind, endpointId: target.id, recipient: target.url, createdAt: now, nextAttemptAt: now };
}

/** What the request workflow hands over: its clock and public URL. */
export interface EventContext {
  now: Date;
  config: { publicUrl: string };
}

/**
 * Queues a request.* or interview.* event about one request, built from the
 * request as it is now inside `tx` (so after the change). Reads nothing when
 * no endpoint is subscribed.
 */
export async function enqueueRequestEvent(tx: Tx, context: EventContext, type: WebhookEventType | WebhookEventType[], requestId: string, extra: Record<string, unknown> = {}): Promise<void> {
  const types = Array.isArray(type) ? type : [type];
  const targets = await loadTargets(tx);
  if (!targets.some((target) => types.some((one) => subscribes(target, one)))) return;
  const row = await tx.interviewRequest.findUnique({ where: { id: requestId }, select: requestEventSelect });
  if (!row) return;
  const data = { ...requestEventData(row, context.config.publicUrl), ...extra };
  await enqueueHttpDeliveries(tx, { now: context.now, targets, events: types.map((one) => ({ type: one, data, requestId, interviewId: row.interview?.id })) });
}

/** Alert channels exist (so alert texts are worth building). */
async function hasAlertChannels(tx: DbOrTx): Promise<boolean> {
  return (await tx.webhookEndpoint.count({ where: { enabled: true, kind: { in: ['slack', 'teams'] } } })) > 0;
}

/**
 * Desk alerts about one request: a new request, its deadline within two hours
 * (once per request), or the reporter's pick of a proposed time.
 */
export async function enqueueRequestAlert(tx: DbOrTx, context: EventContext, options: { type: 'request.new' | 'request.deadline_soon' | 'request.proposal_picked'; requestId: string; booked?: boolean }): Promise<void> {
  if (!(await hasAlertChannels(tx))) return;
  const request = await tx.interviewRequest.findUnique({
    where: { id: options.requestId },
    select: { id: true, reference: true, deadline: true, requestedStart: true, format: true, durationMinutes: true, spokesperson: { select: { name: true } }, interview: { select: { startsAt: true } } },
  });
  if (!request) return;
  const zone = (await readOfficeProfile(tx))?.timeZone ?? 'UTC';
  const when = (instant: Date) => formatInstantInZones(instant, [zone])[0]!;
  const who = request.spokesperson?.name ?? 'any spokesperson';
  const facts = [{ label: 'Deadline', value: when(request.deadline) }];
  const start = request.interview?.startsAt ?? request.requestedStart;
  if (start) facts.push({ label: options.type === 'request.proposal_picked' ? 'Picked time' : 'Requested time', value: when(start) });
  const texts = {
    'request.new': { title: `New interview request ${request.reference}`, text: `${request.format} interview with ${who}, ${request.durationMinutes} minutes.` },
    'request.deadline_soon': { title: `Deadline in under 2 hours: ${request.reference}`, text: `The request for ${who} is still unanswered.` },
    'request.proposal_picked': { title: `Proposed time picked: ${request.reference}`, text: options.booked ? `The reporter picked a time with ${who}; it is booked.` : `The reporter picked a time with ${who}; it waits for approval.` },
  }[options.type];
  await enqueueHttpDeliveries(tx, {
    now: context.now,
    alerts: [{ alert: { type: options.type, ...texts, facts, link: { label: 'Open in the desk', url: `${context.config.publicUrl}/desk/requests/${request.id}` } }, requestId: request.id, onceKey: options.type === 'request.deadline_soon' ? `deadline_${request.id}` : undefined }],
  });
}

/** request.created events and "new request" alerts for requests just written (the batched intake calls this once per batch). */
export async function announceNewRequests(tx: Tx, context: EventContext, requestIds: string[]): Promise<void> {
  const targets = await loadTargets(tx);
  if (targets.length === 0) return;
  if (targets.some((target) => subscribes(target, 'request.created'))) {
    const rows = await tx.interviewRequest.findMany({ where: { id: { in: requestIds } }, select: requestEventSelect });
    await enqueueHttpDeliveries(tx, { now: context.now, targets, events: rows.map((row) => ({ type: 'request.created' as const, data: requestEventData(row, context.config.publicUrl), requestId: row.id })) });
  }
  if (targets.some((target) => target.kind !== 'webhook')) {
    for (const requestId of requestIds) await enqueueRequestAlert(tx, context, { type: 'request.new', requestId });
  }
}
