// calendars.*: a spokesperson's calendar connections, set up by them or by a
// press officer. The secret part (CalDAV user name and app password, a feed's
// secret URL) is sealed on the way in and never leaves the server again: the
// answers below select the columns they show, and `secret` is not one of them.
import type { z } from 'zod';
import { CLASHABLE_INTERVIEW_STATUSES } from './find-calendar-clashes';
import { enqueueConnectionWrites } from './write-back';
import type { Db } from '../db';
import type { Config } from '../env';
import type { SessionUser } from '../auth/schema';
import { AppError } from '../errors';
import { getServerSecret } from '../secrets';
import { sortableId } from '../common/sortable-id';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invalidateCalendars } from '../availability/calendar-cache';
import { assertCanManageSpokesperson } from '../spokespeople/manage-spokesperson';
import { calendarKeyFrom, sealSecret } from './secret-box';
import { discoverCalendars, type DiscoveredCalendar } from './caldav-client';
import { SyncFailure, syncErrorText, type SyncErrorCode } from './sync-failure';
import { syncConnection, type StoredCalendar, type SyncOutcome } from './sync-connection';
import type { addCalDavInput, addFeedInput, discoverCalDavInput, listConnectionsInput, setWriteCalendarInput } from './schema';

export interface ConnectionActor {
  user: SessionUser;
  ip?: string;
  now: Date;
}

interface ManageContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  actor: ConnectionActor;
}

const connectionSelect = {
  id: true,
  spokespersonId: true,
  kind: true,
  label: true,
  serverUrl: true,
  calendars: true,
  writeCalendarUrl: true,
  status: true,
  lastError: true,
  lastAttemptAt: true,
  lastSyncedAt: true,
  createdAt: true,
  spokesperson: { select: { name: true, timeZone: true } },
  busy: { select: { count: true } },
} as const;

/**
 * calendars.list: connections of one spokesperson (a spokesperson: always their
 * own), or of everyone for the press office, with their sync status. Never the
 * secret.
 */
export async function listConnections(context: Pick<ManageContext, 'db' | 'actor'>, input: z.output<typeof listConnectionsInput>) {
  const { user } = context.actor;
  const spokespersonId = user.role === 'spokesperson' ? user.spokespersonId : input.spokespersonId;
  if (user.role === 'spokesperson' && !spokespersonId) return [];
  if (spokespersonId) assertCanManageSpokesperson(user, spokespersonId);
  const rows = await context.db.calendarConnection.findMany({
    where: spokespersonId ? { spokespersonId } : {},
    select: connectionSelect,
    orderBy: [{ spokespersonId: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toView);
}

function toView(row: {
  id: string;
  spokespersonId: string;
  kind: string;
  label: string;
  serverUrl: string | null;
  calendars: unknown;
  writeCalendarUrl: string | null;
  status: string;
  lastError: string | null;
  lastAttemptAt: Date | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  spokesperson: { name: string; timeZone: string };
  busy: { count: number }[];
}) {
  return {
    id: row.id,
    spokespersonId: row.spokespersonId,
    spokespersonName: row.spokesperson.name,
    kind: row.kind as 'caldav' | 'feed',
    label: row.label,
    serverUrl: row.serverUrl,
    // writeBack: confirmed interviews are written into this calendar (calendars.setWriteCalendar).
    calendars: (row.calendars as StoredCalendar[]).map((calendar) => ({ name: calendar.name, writeBack: calendar.url === row.writeCalendarUrl })),
    status: row.status as 'pending' | 'ok' | 'failing',
    lastError: row.lastError as SyncErrorCode | null,
    lastErrorText: row.lastError ? syncErrorText[row.lastError as SyncErrorCode] : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    busyCount: row.busy.reduce((sum, calendar) => sum + calendar.count, 0),
  };
}

/** calendars.discover: the calendars a CalDAV account offers (stores nothing). Throws VALIDATION_FAILED with the reason when the account cannot be read. */
export async function discoverCalDav(_context: Pick<ManageContext, 'actor'>, input: z.output<typeof discoverCalDavInput>): Promise<DiscoveredCalendar[]> {
  try {
    return await discoverCalendars(input);
  } catch (error) {
    if (error instanceof SyncFailure) throw new AppError('VALIDATION_FAILED', `Could not read that account: ${error.message}.`, { details: { syncError: error.code } });
    throw error;
  }
}

async function sealFor(db: Db, id: string, value: unknown): Promise<string> {
  return sealSecret(calendarKeyFrom(await getServerSecret(db)), id, JSON.stringify(value));
}

async function assertSpokesperson(db: Db, id: string) {
  const person = await db.spokesperson.findUnique({ where: { id }, select: { id: true } });
  if (!person) throw new AppError('NOT_FOUND', 'No such spokesperson.');
}

/** calendars.addFeed: saves a feed (its URL sealed) and syncs it once at once; returns the connection with the sync's outcome. */
export async function addFeedConnection(context: ManageContext, input: z.output<typeof addFeedInput>) {
  const { db, actor } = context;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  await assertSpokesperson(db, input.spokespersonId);
  const id = sortableId();
  await db.calendarConnection.create({
    data: { id, spokespersonId: input.spokespersonId, kind: 'feed', label: input.label, secret: await sealFor(db, id, { url: input.url }), calendars: [] },
  });
  await audit(context, 'calendar.connect', id, { kind: 'feed', label: input.label, spokespersonId: input.spokespersonId });
  return firstSync(context, id);
}

/** calendars.addCalDav: saves a CalDAV account (credentials sealed) with the chosen calendars and syncs it once at once. */
export async function addCalDavConnection(context: ManageContext, input: z.output<typeof addCalDavInput>) {
  const { db, actor } = context;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  await assertSpokesperson(db, input.spokespersonId);
  // The credentials go only to the server they were given for.
  const origin = new URL(input.serverUrl).origin;
  if (input.calendars.some((calendar) => new URL(calendar.url).origin !== origin)) {
    throw new AppError('VALIDATION_FAILED', 'Every calendar must be on the CalDAV server given.');
  }
  const id = sortableId();
  const calendars: StoredCalendar[] = input.calendars.map((calendar) => ({ url: calendar.url, name: calendar.name, ctag: null }));
  await db.calendarConnection.create({
    data: {
      id,
      spokespersonId: input.spokespersonId,
      kind: 'caldav',
      label: input.label,
      serverUrl: input.serverUrl,
      secret: await sealFor(db, id, { username: input.username, password: input.password }),
      calendars: calendars as never,
    },
  });
  await audit(context, 'calendar.connect', id, { kind: 'caldav', label: input.label, serverUrl: input.serverUrl, calendars: input.calendars.map((calendar) => calendar.name), spokespersonId: input.spokespersonId });
  return firstSync(context, id);
}

async function firstSync(context: ManageContext, id: string) {
  const sync = await syncConnection({ db: context.db, config: context.config, now: context.actor.now }, id);
  return { connection: await getConnection(context.db, id), sync: describeOutcome(sync) };
}

async function getConnection(db: Db, id: string) {
  const row = await db.calendarConnection.findUnique({ where: { id }, select: connectionSelect });
  if (!row) throw new AppError('NOT_FOUND', 'No such calendar connection.');
  return toView(row);
}

function describeOutcome(sync: SyncOutcome): { outcome: SyncOutcome['outcome']; message: string } {
  if (sync.outcome === 'failed') return { outcome: 'failed', message: `Sync failed: ${syncErrorText[sync.error]}.` };
  if (sync.outcome === 'busy') return { outcome: 'busy', message: 'A sync of this calendar is already running; it will show here when done.' };
  return { outcome: sync.outcome, message: sync.outcome === 'synced' ? 'Synced.' : 'Synced; nothing had changed.' };
}

async function loadOwned(context: Pick<ManageContext, 'db' | 'actor'>, connectionId: string) {
  const row = await context.db.calendarConnection.findUnique({ where: { id: connectionId }, select: { id: true, spokespersonId: true, label: true, kind: true } });
  if (!row) throw new AppError('NOT_FOUND', 'No such calendar connection.');
  assertCanManageSpokesperson(context.actor.user, row.spokespersonId);
  return row;
}

/** calendars.syncNow: syncs one connection now (the console's "Sync now"); waits for it. */
export async function syncNow(context: ManageContext, connectionId: string) {
  await loadOwned(context, connectionId);
  const sync = await syncConnection({ db: context.db, config: context.config, now: context.actor.now }, connectionId);
  return { connection: await getConnection(context.db, connectionId), sync: describeOutcome(sync) };
}

/**
 * calendars.setWriteCalendar: confirmed interviews of this connection's
 * spokesperson are written into its chosen calendar number `calendarIndex`
 * (server/calendars/write-back.ts), or nowhere (`null`). Upcoming booked
 * interviews are written at once (through the outbox); those written into the
 * calendar chosen before are removed from it. CalDAV only. Idempotent.
 */
export async function setWriteCalendar(context: ManageContext, input: z.output<typeof setWriteCalendarInput>) {
  const owned = await loadOwned(context, input.connectionId);
  if (owned.kind !== 'caldav') throw new AppError('VALIDATION_FAILED', 'Only a CalDAV calendar can show the interviews; a calendar address (feed) is read-only.');
  const { now } = context.actor;
  await context.db.$transaction(async (tx) => {
    const row = await tx.calendarConnection.findUniqueOrThrow({ where: { id: owned.id }, select: { calendars: true, writeCalendarUrl: true } });
    const calendars = row.calendars as unknown as StoredCalendar[];
    if (input.calendarIndex !== null && !calendars[input.calendarIndex]) throw new AppError('VALIDATION_FAILED', 'Choose one of the connected calendars.');
    const next = input.calendarIndex === null ? null : calendars[input.calendarIndex]!.url;
    if (next === row.writeCalendarUrl) return;
    await tx.calendarConnection.update({ where: { id: owned.id }, data: { writeCalendarUrl: next } });
    const upcoming = await tx.interview.findMany({ where: { spokespersonId: owned.spokespersonId, status: { in: CLASHABLE_INTERVIEW_STATUSES }, endsAt: { gt: now } }, select: { id: true, requestId: true } });
    await enqueueConnectionWrites(tx, { connection: { id: owned.id, label: owned.label }, interviews: upcoming, removeFrom: row.writeCalendarUrl, writeTo: next, config: context.config, now });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: context.actor.user.id }, action: 'calendar.set_write_back', entityType: 'calendar_connection', entityId: owned.id, before: { calendar: calendars.find((calendar) => calendar.url === row.writeCalendarUrl)?.name ?? null }, after: { calendar: input.calendarIndex === null ? null : calendars[input.calendarIndex]!.name }, ip: context.actor.ip, now });
  });
  return getConnection(context.db, owned.id);
}

/** calendars.remove: deletes the connection, its sealed secret and its busy times; slots free up at once. */
export async function removeConnection(context: ManageContext, connectionId: string) {
  const row = await loadOwned(context, connectionId);
  await context.db.calendarConnection.delete({ where: { id: connectionId } });
  invalidateCalendars(context.db, [row.spokespersonId]);
  await audit(context, 'calendar.disconnect', connectionId, { kind: row.kind, label: row.label, spokespersonId: row.spokespersonId });
  return { removed: connectionId };
}

async function audit(context: ManageContext, action: string, id: string, after: Record<string, unknown>) {
  await recordAuditEvent({ db: context.db, actor: { type: 'user', id: context.actor.user.id }, action, entityType: 'calendar_connection', entityId: id, before: null, after, ip: context.actor.ip, now: context.actor.now });
}
