// The one adapter for prom-client: every metric the server exports, the calls
// that record them, and the scrape (README "Metrics").
//
// One registry per process: counters are recorded by code that knows nothing
// of HTTP (the outbox worker, sign-in), and a process is what Prometheus
// scrapes. Recording stays cheap (a label lookup and an add); anything that
// needs the database (outbox depth) is counted at scrape time instead.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db';

const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Bounded by the router: unknown addresses are one label (see server/http/request-metrics.ts). */
const requestDuration = new Histogram({
  name: 'desk_trpc_request_duration_seconds',
  help: 'Time from a /trpc request arriving to its answer being written, by procedure and HTTP status (499: the client left first).',
  labelNames: ['procedure', 'status'] as const,
  // From a remembered availability.slots answer (well under 1 ms) to a large import (seconds).
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const outboxDeliveries = new Counter({
  name: 'desk_outbox_deliveries_total',
  help: 'Outbox delivery attempts by message kind (emails, invites, webhooks, alerts) and outcome: sent, retried, dead, abandoned (shutdown), unrecorded (sent but not recorded).',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

const loginAttempts = new Counter({
  name: 'desk_login_attempts_total',
  help: 'Staff sign-in tries by outcome: signed_in, refused (wrong or unknown credentials), throttled_address_ip and throttled_ip (refused unchecked by sign-in throttling).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const outboxPending = new Gauge({ name: 'desk_outbox_pending', help: 'Messages waiting in the outbox (due or backing off), by kind.', labelNames: ['kind'] as const, registers: [registry] });
const outboxDead = new Gauge({ name: 'desk_outbox_dead', help: 'Dead letters (delivery given up; staff may send them again), by kind.', labelNames: ['kind'] as const, registers: [registry] });
const outboxOldest = new Gauge({
  name: 'desk_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest message still waiting, by kind (0 when none waits).',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export type DeliveryOutcome = 'sent' | 'retried' | 'dead' | 'abandoned' | 'unrecorded';
export type LoginOutcome = 'signed_in' | 'refused' | 'throttled_address_ip' | 'throttled_ip';

/** One outbox delivery attempt ended; any kind of message, so new kinds are counted without changes here. */
export function countDelivery(kind: string, outcome: DeliveryOutcome): void {
  outboxDeliveries.inc({ kind, outcome });
}

export function countLoginAttempt(outcome: LoginOutcome): void {
  loginAttempts.inc({ outcome });
}

/** One /trpc request answered; `startedAt` from process.hrtime.bigint(). */
export function observeRequest(procedure: string, status: number, startedAt: bigint): void {
  requestDuration.observe({ procedure, status }, Number(process.hrtime.bigint() - startedAt) / 1e9);
}

// Kinds seen at earlier scrapes: one whose queue emptied reads 0 rather than vanishing.
const kindsSeen = new Set<string>();

/**
 * The text Prometheus reads. Outbox depth comes from one grouped count over
 * the pending and dead rows (the status index serves it), made now.
 */
export async function renderMetrics(database: Database, now = new Date()): Promise<{ contentType: string; text: string }> {
  const groups = await database.prisma.outboxMessage.groupBy({
    by: ['kind', 'status'],
    where: { status: { in: ['pending', 'dead'] } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  for (const gauge of [outboxPending, outboxDead, outboxOldest]) gauge.reset();
  for (const group of groups) kindsSeen.add(group.kind);
  for (const kind of kindsSeen) {
    outboxPending.set({ kind }, 0);
    outboxDead.set({ kind }, 0);
    outboxOldest.set({ kind }, 0);
  }
  for (const group of groups) {
    if (group.status === 'dead') {
      outboxDead.set({ kind: group.kind }, group._count._all);
    } else {
      outboxPending.set({ kind: group.kind }, group._count._all);
      const oldest = group._min.createdAt;
      if (oldest) outboxOldest.set({ kind: group.kind }, Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000));
    }
  }
  return { contentType: registry.contentType, text: await registry.metrics() };
}
