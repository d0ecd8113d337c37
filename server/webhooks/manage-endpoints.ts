// webhooks.*: endpoints for integrators (URL, events, secret shown once,
// enable/disable, rotate, delete), their delivery log, test events and
// redelivery; and the Slack/Teams alert channels of the office. Admin only:
// an endpoint decides where the server POSTs and what leaves the office.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Db } from '../db';
import type { Config } from '../env';
import { AppError } from '../errors';
import { recordAuditEvent, type AuditActor } from '../audit/record-audit-event';
import { retryOutboxMessage } from '../outbox/deliver-outbox';
import { assertDeliverableUrl } from './address-policy';
import { sealEndpointSecret } from './endpoint-secret';
import { enqueueHttpDeliveries } from './enqueue-deliveries';
import { TEST_EVENT_TYPE } from './events';
import type { DeskAlert } from './render-alert';
import { generateWebhookSecret } from './sign-webhook';
import type { createEndpointInput, listDeliveriesInput, setAlertChannelInput, updateEndpointInput } from './schema';

export interface WebhookContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'webhooks'>;
  actor: AuditActor;
  ip?: string;
  now: Date;
}

const endpointSelect = { id: true, kind: true, url: true, description: true, events: true, enabled: true, createdAt: true, updatedAt: true } as const;

async function findEndpoint(db: Db, id: string, kind = 'webhook') {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, kind }, select: endpointSelect });
  if (!endpoint) throw new AppError('NOT_FOUND', 'No such webhook endpoint.');
  return endpoint;
}

/** webhooks.list: the endpoints, with how many deliveries wait and how many are dead. */
export async function listEndpoints(context: { db: Db }) {
  const endpoints = await context.db.webhookEndpoint.findMany({ where: { kind: 'webhook' }, select: endpointSelect, orderBy: { createdAt: 'asc' } });
  const counts = await context.db.outboxMessage.groupBy({ by: ['endpointId', 'status'], where: { endpointId: { in: endpoints.map((endpoint) => endpoint.id) }, status: { in: ['pending', 'dead'] } }, _count: { _all: true } });
  const count = (id: string, status: string) => counts.find((row) => row.endpointId === id && row.status === status)?._count._all ?? 0;
  return endpoints.map((endpoint) => ({ ...endpoint, events: endpoint.events as string[], pending: count(endpoint.id, 'pending'), dead: count(endpoint.id, 'dead') }));
}

/**
 * webhooks.create: checks the URL (SSRF: no loopback, link-local or private
 * address unless WEBHOOKS_ALLOW_PRIVATE), makes a secret and returns it this
 * once; only its sealed form is stored.
 */
export async function createEndpoint(context: WebhookContext, input: z.output<typeof createEndpointInput>) {
  await assertDeliverableUrl(input.url, { allowPrivate: context.config.webhooks.allowPrivate });
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const endpoint = await context.db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { id, kind: 'webhook', url: input.url, description: input.description, events: input.events, secret: sealEndpointSecret(id, secret), enabled: true, createdAt: context.now, updatedAt: context.now },
      select: endpointSelect,
    });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'webhook.create', entityType: 'webhook', entityId: id, after: { url: input.url, events: input.events }, ip: context.ip, now: context.now });
    return created;
  });
  return { endpoint: { ...endpoint, events: endpoint.events as string[] }, secret };
}

/** webhooks.update: enable/disable, events, description. Disabling stops new deliveries; queued ones become dead letters when due. */
export async function updateEndpoint(context: WebhookContext, input: z.output<typeof updateEndpointInput>) {
  const before = await findEndpoint(context.db, input.id);
  return context.db.$transaction(async (tx) => {
    const data = { ...(input.enabled !== undefined ? { enabled: input.enabled } : {}), ...(input.description !== undefined ? { description: input.description } : {}), ...(input.events ? { events: input.events } : {}), updatedAt: context.now };
    const updated = await tx.webhookEndpoint.update({ where: { id: input.id }, data, select: endpointSelect });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'webhook.update', entityType: 'webhook', entityId: input.id, before: { enabled: before.enabled, events: before.events, description: before.description }, after: { enabled: updated.enabled, events: updated.events, description: updated.description }, ip: context.ip, now: context.now });
    return { ...updated, events: updated.events as string[] };
  });
}

/** webhooks.remove: the endpoint and its delivery log (queued deliveries are dropped). */
export async function removeEndpoint(context: WebhookContext, input: { id: string }) {
  const endpoint = await findEndpoint(context.db, input.id);
  await context.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: input.id } });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'webhook.remove', entityType: 'webhook', entityId: input.id, before: { url: endpoint.url, events: endpoint.events }, ip: context.ip, now: context.now });
  });
  return { ok: true as const };
}

/**
 * webhooks.rotateSecret: a new secret, returned this once. Deliveries from
 * now on (retries included) are signed with it; the receiver must switch.
 */
export async function rotateEndpointSecret(context: WebhookContext, input: { id: string }) {
  await findEndpoint(context.db, input.id);
  const secret = generateWebhookSecret();
  await context.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: input.id }, data: { secret: sealEndpointSecret(input.id, secret), updatedAt: context.now } });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'webhook.rotate_secret', entityType: 'webhook', entityId: input.id, ip: context.ip, now: context.now });
  });
  return { secret };
}

/** webhooks.sendTest: queues a `webhook.test` event to this endpoint alone (whatever it subscribes to). */
export async function sendTestEvent(context: WebhookContext, input: { id: string }) {
  const endpoint = await findEndpoint(context.db, input.id);
  if (!endpoint.enabled) throw new AppError('INVALID_TRANSITION', 'Enable the endpoint first; a disabled endpoint receives nothing.');
  await enqueueHttpDeliveries(context.db, { now: context.now, only: endpoint, events: [{ type: TEST_EVENT_TYPE, data: { endpointId: endpoint.id, message: 'A test event from Interview Desk.' } }] });
  return { ok: true as const };
}

/** webhooks.deliveries: the endpoint's deliveries, newest first, with the receiver's last answer. */
export async function listDeliveries(context: { db: Db }, input: z.output<typeof listDeliveriesInput>) {
  await context.db.webhookEndpoint.findUniqueOrThrow({ where: { id: input.endpointId }, select: { id: true } }).catch(() => {
    throw new AppError('NOT_FOUND', 'No such webhook endpoint.');
  });
  return context.db.outboxMessage.findMany({
    where: { endpointId: input.endpointId, ...(input.status ? { status: input.status } : {}) },
    select: { id: true, messageId: true, subject: true, status: true, attempts: true, responseStatus: true, responseExcerpt: true, lastError: true, nextAttemptAt: true, lastAttemptAt: true, sentAt: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
  });
}

/** webhooks.redeliver: a dead (or waiting) delivery goes again at once, with the same webhook-id. */
export async function redeliver(context: { database: Database; now: Date }, input: { id: string }) {
  const row = await context.database.prisma.outboxMessage.findFirst({ where: { id: input.id, channel: { not: 'email' } }, select: { id: true } });
  if (!row || !(await retryOutboxMessage({ database: context.database, id: row.id, now: context.now }))) {
    throw new AppError('NOT_FOUND', 'No such delivery waiting or dead (delivered ones are not sent again).');
  }
  return { ok: true as const };
}

/** Shows where an alert URL points without revealing it (the path is the credential). */
export function maskUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}/…${url.slice(-4)}`;
}

/** webhooks.alerts: the office's Slack and Teams channels (masked URLs) with their last delivery. */
export async function listAlertChannels(context: { db: Db }) {
  const channels = await context.db.webhookEndpoint.findMany({ where: { kind: { in: ['slack', 'teams'] } }, select: { id: true, kind: true, url: true, enabled: true, updatedAt: true } });
  const result = [];
  for (const kind of ['slack', 'teams'] as const) {
    const channel = channels.find((one) => one.kind === kind);
    const last = channel ? await context.db.outboxMessage.findFirst({ where: { endpointId: channel.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, subject: true, status: true, responseStatus: true, lastError: true, createdAt: true } }) : null;
    result.push({ kind, configured: Boolean(channel), id: channel?.id ?? null, maskedUrl: channel?.url ?? null, lastDelivery: last });
  }
  return result;
}

/** webhooks.setAlertChannel: saves (or with url null, removes) the Slack or Teams incoming-webhook URL. */
export async function setAlertChannel(context: WebhookContext, input: z.output<typeof setAlertChannelInput>) {
  if (input.url) await assertDeliverableUrl(input.url, { allowPrivate: context.config.webhooks.allowPrivate });
  await context.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.deleteMany({ where: { kind: input.kind } });
    if (input.url) {
      const id = randomUUID();
      await tx.webhookEndpoint.create({ data: { id, kind: input.kind, url: maskUrl(input.url), events: [], secret: sealEndpointSecret(id, input.url), enabled: true, createdAt: context.now, updatedAt: context.now } });
    }
    await recordAuditEvent({ db: tx, actor: context.actor, action: input.url ? 'alerts.set' : 'alerts.remove', entityType: 'alerts', entityId: input.kind, after: input.url ? { url: maskUrl(input.url) } : null, ip: context.ip, now: context.now });
  });
  return listAlertChannels(context);
}

/** webhooks.testAlert: a test message to the Slack or Teams channel. */
export async function sendTestAlert(context: WebhookContext, input: { kind: 'slack' | 'teams' }) {
  const channel = await context.db.webhookEndpoint.findFirst({ where: { kind: input.kind }, select: { id: true, kind: true, url: true, events: true } });
  if (!channel) throw new AppError('NOT_FOUND', `No ${input.kind === 'slack' ? 'Slack' : 'Teams'} channel is set.`);
  const alert: DeskAlert = { type: 'request.new', title: 'Test alert from Interview Desk', text: 'Desk alerts reach this channel.', facts: [], link: { label: 'Open the desk', url: `${context.config.publicUrl}/desk` } };
  await enqueueHttpDeliveries(context.db, { now: context.now, only: channel, alerts: [{ alert }] });
  return { ok: true as const };
}
