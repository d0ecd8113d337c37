/**
 * Spokespeople's own calendars (server/calendars/): how long a full sync of a
 * large feed takes, and what connected calendars cost `availability.slots`.
 * Run alone with `node --import tsx bench/calendars.ts`; bench/run.ts runs it too.
 * Everything on 127.0.0.1, on a fresh SQLite database.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../server/env';
import { createLogger } from '../server/logger';
import { openDatabase } from '../server/db';
import { prepareSchema } from '../server/start-server';
import { randomBytes } from 'node:crypto';
import { getServerSecret, useServerKeys } from '../server/secrets';
import { calendarKeyFrom, sealSecret } from '../server/calendars/secret-box';
import { syncConnection } from '../server/calendars/sync-connection';
import { findFreeSlots } from '../server/availability/find-free-slots';
import { invalidateCalendars } from '../server/availability/calendar-cache';
import { slotsInput } from '../server/availability/schema';

const DAY = 86_400_000;

/** A feed of `singles` one-off events and `series` weekly series (Europe/Berlin, with a VTIMEZONE), all within the next 60 days. */
export function makeBenchFeed(options: { singles: number; series: number; now: number }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Interview Desk bench//EN'];
  lines.push('BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE');
  const local = (instant: number) => DateTime.fromMillis(instant, { zone: 'Europe/Berlin' }).toFormat("yyyyMMdd'T'HHmmss");
  for (let index = 0; index < options.singles; index++) {
    const start = Math.floor((options.now + (index % 60) * DAY + ((index * 37) % 600) * 60_000 + 7 * 3_600_000) / 900_000) * 900_000;
    lines.push('BEGIN:VEVENT', `UID:single-${index}@bench`, 'DTSTAMP:20260101T000000Z', `DTSTART;TZID=Europe/Berlin:${local(start)}`, `DTEND;TZID=Europe/Berlin:${local(start + 45 * 60_000)}`, `SUMMARY:Meeting ${index}`, 'END:VEVENT');
  }
  for (let index = 0; index < options.series; index++) {
    const start = Math.floor((options.now - 30 * DAY + (index % 7) * DAY + (8 + (index % 9)) * 3_600_000) / 900_000) * 900_000;
    lines.push('BEGIN:VEVENT', `UID:series-${index}@bench`, 'DTSTAMP:20260101T000000Z', `DTSTART;TZID=Europe/Berlin:${local(start)}`, `DTEND;TZID=Europe/Berlin:${local(start + 30 * 60_000)}`, 'RRULE:FREQ=WEEKLY;COUNT=30', `EXDATE;TZID=Europe/Berlin:${local(start + 14 * DAY)}`, `SUMMARY:Series ${index}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { medianMs: round(sorted[Math.floor(sorted.length / 2)]!), p95Ms: round(sorted[Math.floor(sorted.length * 0.95)]!) };
}

export async function runCalendarBench(options: { slotRuns?: number } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-calendars-bench-'));
  const now = Date.now();
  const feed = makeBenchFeed({ singles: 1_950, series: 50, now });
  const feedServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/calendar' }).end(feed));
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/feed.ics`;
  const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'bench.db')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent' });
  await prepareSchema(config, createLogger('silent'));
  const database = await openDatabase(config.database);
  const db = database.prisma;
  try {
    const person = (suffix: string) =>
      db.spokesperson.create({
        data: {
          slug: `bench-${suffix}`, name: `Bench ${suffix}`, title: 'Director', email: `bench-${suffix}@example.org`, languages: ['en'], topics: ['t'], timeZone: 'Europe/Berlin', formats: ['phone'], allowedDurations: [30],
          minimumNoticeMinutes: 0, slotStepMinutes: 15, horizonDays: 60,
          weeklyRules: { create: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, startTime: '09:00', endTime: '12:30' }, { weekday, startTime: '13:30', endTime: '18:00' }]) },
        },
      });
    // A throwaway key: the bench never starts a server (which would load DATA_DIR's key file).
    useServerKeys([randomBytes(32)]);
    const key = calendarKeyFrom(await getServerSecret(db));
    const connect = async (spokespersonId: string, url: string, label: string) => {
      const id = `bench-${label}-${spokespersonId}`;
      await db.calendarConnection.create({ data: { id, spokespersonId, kind: 'feed', label, secret: sealSecret(key, id, JSON.stringify({ url })), calendars: [] } });
      return id;
    };
    const context = { db, config, now: new Date(now) };

    // 1. Full sync of 2,000 events (50 weekly series): fetch, parse, expand, replace the stored rows.
    const big = await person('sync');
    const bigId = await connect(big.id, feedUrl, 'big');
    const syncTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      await db.calendarConnection.update({ where: { id: bigId }, data: { etag: null, lastModified: null, syncedUntil: null } });
      const started = performance.now();
      const outcome = await syncConnection(context, bigId);
      syncTimes.push(performance.now() - started);
      if (outcome.outcome !== 'synced') throw new Error(`sync: ${JSON.stringify(outcome)}`);
    }
    const busyRows = (await db.calendarBusy.aggregate({ where: { connectionId: bigId }, _sum: { count: true } }))._sum.count;

    // 2. availability.slots with 3 connected calendars against none (same hours, same window).
    const plain = await person('plain');
    const connected = await person('connected');
    const small = makeBenchFeed({ singles: 120, series: 5, now });
    const smallServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/calendar' }).end(small));
    await new Promise<void>((resolve) => smallServer.listen(0, '127.0.0.1', resolve));
    const smallUrl = `http://127.0.0.1:${(smallServer.address() as { port: number }).port}/small.ics`;
    for (const label of ['work', 'private', 'travel']) await syncConnection(context, await connect(connected.id, smallUrl, label));
    smallServer.close();
    const connectedRows = (await db.calendarBusy.aggregate({ where: { spokespersonId: connected.id }, _sum: { count: true } }))._sum.count;
    const input = (id: string) => slotsInput.parse({ spokespersonId: id, from: new Date(now).toISOString(), to: new Date(now + 14 * DAY).toISOString(), timeZone: 'America/New_York' });
    const runs = options.slotRuns ?? 300;
    // One question timed per spokesperson per round, alternating which goes first,
    // so drift on a shared machine (other processes, GC, CPU frequency) hits both alike.
    const measure = async (cold: boolean) => {
      const times = { plain: [] as number[], connected: [] as number[] };
      const once = async (key: 'plain' | 'connected', id: string, at: Date) => {
        if (cold) invalidateCalendars(db, [id]);
        const started = performance.now();
        await findFreeSlots({ db, input: input(id), now: at });
        times[key].push(performance.now() - started);
      };
      for (let run = 0; run < runs; run++) {
        // A new hour each run, so neither the per-minute answer memo nor the hour-long slot lists answer for the engine.
        const at = new Date(now + run * 3_600_000);
        if (run % 2 === 0) {
          await once('plain', plain.id, at);
          await once('connected', connected.id, at);
        } else {
          await once('connected', connected.id, at);
          await once('plain', plain.id, at);
        }
      }
      return { plain: stats(times.plain), connected: stats(times.connected) };
    };
    await measure(true); // warm-up: JIT, prepared statements
    const cold = await measure(true);
    const warm = await measure(false);
    const [coldPlain, coldConnected, warmPlain, warmConnected] = [cold.plain, cold.connected, warm.plain, warm.connected];
    return { sync: { events: 2_000, series: 50, busyRows, ...stats(syncTimes), runs: syncTimes.length }, slots: { connectedRows, runs, coldPlain, coldConnected, warmPlain, warmConnected } };
  } finally {
    feedServer.close();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runCalendarBench(), null, 2));
}
