// Syncs one calendar connection: reads busy times from now to the
// spokesperson's horizon and replaces what was stored for it.
//
// One at a time per connection across instances: a sync first takes the
// connection's lease with a conditional UPDATE (leaseUntil empty or expired),
// so a second instance (or a console click during a background run) finds it
// taken and leaves it. Slot answers never wait for this: they read the stored
// CalendarBusy rows.
//
// Failures keep the last good busy times, record a closed error code on the
// connection, and tell the press office once per failure episode (the episode
// ends with the next successful sync).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import type { Config } from '../env';
import { getServerSecret } from '../secrets';
import { sortableId } from '../common/sortable-id';
import { invalidateCalendars } from '../availability/calendar-cache';
import { enqueueMessages, type OutboxMessageInput } from '../outbox/enqueue-message';
import { hostOf } from '../requests/context';
import { calendarKeyFrom, openSecret, UnreadableSecretError } from './secret-box';
import { MalformedCalendarError, readBusyIntervals, type BusyTime } from './read-busy-intervals';
import { readCalDavCalendar } from './caldav-client';
import { fetchFeed } from './fetch-feed';
import { SyncFailure, syncErrorText, type SyncErrorCode } from './sync-failure';

/** How often the background sync reads each connection. */
export const SYNC_INTERVAL_MS = 5 * 60_000;
/** Longer than any sync takes (remote requests time out after 15 s each); an instance that died mid-sync frees the connection after this. */
export const SYNC_LEASE_MS = 2 * 60_000;
/** Read this far past the horizon, so the horizon can move on for a week before an unchanged calendar must be read in full again. */
const READ_BEYOND_HORIZON_MS = 7 * 86_400_000;
/** An event in progress (or one that started yesterday and lasts) still blocks time. */
const READ_BEFORE_NOW_MS = 86_400_000;
/** Interview statuses a new calendar event can collide with. */
const UPCOMING_INTERVIEW_STATUSES = ['confirmed', 'rescheduled'];

export interface StoredCalendar {
  url: string;
  name: string;
  ctag?: string | null;
}

export type SyncOutcome = { outcome: 'synced' | 'unchanged' } | { outcome: 'failed'; error: SyncErrorCode; message: string } | { outcome: 'busy' };

export interface SyncContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  now: Date;
}

/** Syncs one connection now unless another sync holds it (then `busy`). Never throws for remote failures. */
export async function syncConnection(context: SyncContext, connectionId: string): Promise<SyncOutcome> {
  const { db, now } = context;
  const owner = randomUUID();
  const { count } = await db.calendarConnection.updateMany({
    where: { id: connectionId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + SYNC_LEASE_MS) },
  });
  if (count === 0) return { outcome: 'busy' };
  const connection = await db.calendarConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: {
      id: true,
      kind: true,
      label: true,
      serverUrl: true,
      secret: true,
      calendars: true,
      etag: true,
      lastModified: true,
      syncedUntil: true,
      failureNotifiedAt: true,
      spokesperson: { select: { id: true, name: true, timeZone: true, horizonDays: true } },
    },
  });
  const person = connection.spokesperson;
  const from = new Date(now.getTime() - READ_BEFORE_NOW_MS);
  const horizonEnd = now.getTime() + person.horizonDays * 86_400_000;
  const to = new Date(horizonEnd + READ_BEYOND_HORIZON_MS);
  // The horizon moved past what was read: an unchanged calendar still has events there that were never read.
  const full = !connection.syncedUntil || connection.syncedUntil.getTime() < horizonEnd;
  const release = { leaseOwner: null, leaseUntil: null, lastAttemptAt: now };

  try {
    const replaced = new Map<string, { name: string; busy: BusyTime[] }>();
    const update: { calendars?: never; etag?: string | null; lastModified?: string | null } = {};
    const key = calendarKeyFrom(await getServerSecret(db));
    let secret: string;
    try {
      secret = openSecret(key, connection.id, connection.secret);
    } catch (error) {
      if (error instanceof UnreadableSecretError) throw new SyncFailure('unreadable_secret');
      throw error;
    }
    // The desk's own interviews (written back, or accepted from the invite email) are not external busy times.
    const booked = await db.interview.findMany({ where: { spokespersonId: person.id, endsAt: { gt: from } }, select: { inviteUid: true } });
    const ignoreUids = new Set(booked.map((interview) => interview.inviteUid));
    const read = (text: string) => readBusyIntervals(text, { timeZone: person.timeZone, from: from.getTime(), to: to.getTime(), ignoreUids });

    if (connection.kind === 'feed') {
      const { url } = JSON.parse(secret) as { url: string };
      const answer = await fetchFeed({ url, etag: full ? null : connection.etag, lastModified: full ? null : connection.lastModified });
      if (!answer.unchanged) {
        replaced.set('feed', { name: connection.label, busy: read(answer.text) });
        Object.assign(update, { etag: answer.etag, lastModified: answer.lastModified });
      }
    } else {
      const { username, password } = JSON.parse(secret) as { username: string; password: string };
      const calendars = connection.calendars as unknown as StoredCalendar[];
      const next: StoredCalendar[] = [];
      for (const calendar of calendars) {
        const answer = await readCalDavCalendar({ serverUrl: connection.serverUrl!, username, password }, { url: calendar.url, ctag: full ? null : calendar.ctag, from, to });
        next.push({ ...calendar, ctag: answer.ctag });
        if (!answer.unchanged) replaced.set(calendar.url, { name: `${connection.label}: ${calendar.name}`, busy: answer.objects.flatMap(read).sort((a, b) => a.start - b.start || a.end - b.end) });
      }
      update.calendars = next as never;
    }

    await db.$transaction(async (tx) => {
      const keys = [...replaced.keys()];
      const before = keys.length ? await tx.calendarBusy.findMany({ where: { connectionId: connection.id, calendarKey: { in: keys } }, select: { intervals: true } }) : [];
      if (keys.length) await tx.calendarBusy.deleteMany({ where: { connectionId: connection.id, calendarKey: { in: keys } } });
      if (keys.length) {
        await tx.calendarBusy.createMany({
          data: [...replaced].map(([calendarKey, { name, busy }]) => ({
            id: sortableId(),
            connectionId: connection.id,
            spokespersonId: person.id,
            calendarKey,
            calendarName: name,
            intervals: busy.map((interval) => [interval.start, interval.end]),
            count: busy.length,
          })),
        });
      }
      await tx.calendarConnection.update({
        where: { id: connection.id },
        data: { ...update, ...release, ...(full ? { syncedUntil: to } : {}), status: 'ok', lastError: null, lastSyncedAt: now, failureNotifiedAt: null },
      });
      const rows = [...replaced].flatMap(([, { name, busy }]) => busy.map((interval) => ({ calendarName: name, startsAt: new Date(interval.start), endsAt: new Date(interval.end) })));
      // Events that are new since the last sync and collide with an upcoming interview: the desk must hear of them.
      const known = new Set(before.flatMap((row) => (row.intervals as [number, number][]).map(([start, end]) => `${start}-${end}`)));
      const fresh = rows.filter((row) => !known.has(`${row.startsAt.getTime()}-${row.endsAt.getTime()}`) && row.endsAt > now);
      if (fresh.length === 0) return;
      // The spokesperson's upcoming interviews are few; matched here rather than with one OR term per event (thousands would pass SQLite's parameter limit).
      const upcoming = await tx.interview.findMany({
        where: { spokespersonId: person.id, status: { in: UPCOMING_INTERVIEW_STATUSES }, endsAt: { gt: now }, startsAt: { lt: to } },
        select: { id: true, requestId: true, startsAt: true, endsAt: true, request: { select: { reference: true } } },
      });
      const interviews = upcoming.filter((interview) => fresh.some((row) => row.startsAt < interview.endsAt && row.endsAt > interview.startsAt));
      const messages: OutboxMessageInput[] = interviews.map((interview) => {
        const clash = fresh.find((row) => row.startsAt < interview.endsAt && row.endsAt > interview.startsAt)!;
        return {
          kind: 'calendar_notice',
          recipient: context.config.mailFrom,
          subject: `Calendar clash: ${person.name}'s interview ${interview.request.reference}`,
          payload: {
            title: `A new event in ${person.name}'s calendar overlaps interview ${interview.request.reference}`,
            text: `${clash.calendarName} now shows ${person.name} busy from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()} (UTC), during the confirmed interview ${interview.request.reference} (${interview.startsAt.toISOString()} to ${interview.endsAt.toISOString()}, UTC). Check with ${person.name} and reschedule if needed.`,
            href: `/desk/requests/${interview.requestId}`,
            link: 'Open the request',
          },
          interviewId: interview.id,
          requestId: interview.requestId,
        };
      });
      if (messages.length) await enqueueMessages(tx, messages, { host: hostOf(context.config.publicUrl), now });
    });
    invalidateCalendars(db, [person.id]);
    return { outcome: replaced.size > 0 ? 'synced' : 'unchanged' };
  } catch (error) {
    const failure = error instanceof SyncFailure ? error : error instanceof MalformedCalendarError ? new SyncFailure('malformed', error.message) : null;
    if (!failure) {
      await db.calendarConnection.updateMany({ where: { id: connection.id, leaseOwner: owner }, data: release });
      throw error;
    }
    await db.$transaction(async (tx) => {
      await tx.calendarConnection.update({ where: { id: connection.id }, data: { ...release, status: 'failing', lastError: failure.code } });
      // Once per episode: the first failure after a success (or since the connection was made) tells the office.
      const { count: first } = await tx.calendarConnection.updateMany({ where: { id: connection.id, failureNotifiedAt: null }, data: { failureNotifiedAt: now } });
      if (first === 1) {
        await enqueueMessages(
          tx,
          [
            {
              kind: 'calendar_notice',
              recipient: context.config.mailFrom,
              subject: `${person.name}'s calendar "${connection.label}" stopped syncing`,
              payload: {
                title: `${person.name}'s calendar "${connection.label}" stopped syncing`,
                text: `The last sync failed: ${syncErrorText[failure.code]}. Slots still use the busy times read before; they may be out of date until the connection works again. You will not get another message about this until it has synced again.`,
                href: '/desk/calendars',
                link: 'Open the calendar connections',
              },
            },
          ],
          { host: hostOf(context.config.publicUrl), now },
        );
      }
    });
    return { outcome: 'failed', error: failure.code, message: failure.message };
  }
}

/** Connections due for their periodic sync (not synced for SYNC_INTERVAL_MS, not leased), oldest first. */
export async function findDueConnections(db: Db, now: Date, limit = 20): Promise<string[]> {
  const rows = await db.calendarConnection.findMany({
    where: {
      AND: [
        { OR: [{ lastAttemptAt: null }, { lastAttemptAt: { lt: new Date(now.getTime() - SYNC_INTERVAL_MS) } }] },
        { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    select: { id: true },
    orderBy: { lastAttemptAt: 'asc' },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Runs the periodic sync: every `intervalMs`, syncs the connections that are due, one at a time. */
export function startCalendarSync(options: { db: Db; config: SyncContext['config']; intervalMs?: number; onError: (error: unknown) => void }) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = async () => {
    for (const id of await findDueConnections(options.db, new Date())) {
      if (stopped) return;
      await syncConnection({ db: options.db, config: options.config, now: new Date() }, id).catch(options.onError);
    }
  };
  const tick = () => {
    running ??= sweep()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
