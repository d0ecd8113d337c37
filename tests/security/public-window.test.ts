// Public slot questions are clamped to now … now + the longest booking horizon
// before any database read: a window years ahead (or in the past) is answered
// from the calendar cache, without a query, and never lists a slot outside
// the clamped range. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller } from '../support/context';
import { makeSpokesperson } from '../support/factories';
import { MAX_HORIZON_DAYS } from '../../server/spokespeople/schema';
import type { Database } from '../../server/db';

const NOW = new Date('2027-03-01T08:00:00Z');
const now = () => NOW;
const DAY_MS = 86_400_000;

let database: TestDatabase;
let reads = 0;
/** The same database, counting every model query and raw query made through it. */
let counted: TestDatabase;
let spokespersonId = '';

function countingClient(prisma: Database['prisma']): Database['prisma'] {
  return new Proxy(prisma, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property === 'string' && property.startsWith('$query')) {
        return (...args: unknown[]) => {
          reads += 1;
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      }
      if (typeof property === 'string' && !property.startsWith('$') && typeof value === 'object' && value !== null) {
        return new Proxy(value, {
          get(delegate, method, delegateReceiver) {
            const fn = Reflect.get(delegate, method, delegateReceiver);
            if (typeof fn !== 'function') return fn;
            return (...args: unknown[]) => {
              reads += 1;
              return fn.apply(delegate, args);
            };
          },
        });
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  counted = { ...database, prisma: countingClient(database.prisma) };
  const person = await makeSpokesperson(database.prisma, {
    timeZone: 'Europe/Zurich',
    topics: ['landmines'],
    allowedDurations: [30],
    defaultDurationMinutes: 30,
    slotStepMinutes: 60,
    minimumNoticeMinutes: 0,
    horizonDays: MAX_HORIZON_DAYS,
    weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '09:00', endTime: '12:00' })) },
  });
  spokespersonId = person.id;
});
afterAll(() => database.destroy());

async function publicCaller() {
  return makeCaller(counted, { now });
}

describe('public windows are bounded by the horizon', () => {
  it('a window years ahead is answered from the cache, with no database read and no slot', async () => {
    const caller = await publicCaller();
    // Warm the cache the way the slot picker does.
    await caller.availability.slots({ spokespersonId, from: NOW.toISOString(), to: new Date(NOW.getTime() + 14 * DAY_MS).toISOString(), timeZone: 'UTC' });
    await caller.availability.search({ topic: 'landmines', from: NOW.toISOString(), to: new Date(NOW.getTime() + 14 * DAY_MS).toISOString(), timeZone: 'UTC' });
    reads = 0;
    const far = await caller.availability.slots({ spokespersonId, from: '2031-01-01T00:00:00Z', to: '2031-03-01T00:00:00Z', timeZone: 'UTC' });
    expect(far.days).toEqual([]);
    const past = await caller.availability.slots({ spokespersonId, from: '1971-01-01T00:00:00Z', to: '1971-03-01T00:00:00Z', timeZone: 'UTC' });
    expect(past.days).toEqual([]);
    const search = await caller.availability.search({ topic: 'landmines', from: '2035-01-01T00:00:00Z', to: '2035-01-31T00:00:00Z', timeZone: 'UTC' });
    expect(search.results).toEqual([expect.objectContaining({ freeSlotCount: 0, slots: [] })]);
    expect(reads).toBe(0);
  });

  it('a window across the horizon lists slots only up to now + the longest horizon, still without a read', async () => {
    const caller = await publicCaller();
    await caller.availability.slots({ spokespersonId, from: NOW.toISOString(), to: new Date(NOW.getTime() + DAY_MS).toISOString(), timeZone: 'UTC' });
    reads = 0;
    const limit = NOW.getTime() + MAX_HORIZON_DAYS * DAY_MS;
    const from = new Date(limit - 20 * DAY_MS);
    const answer = await caller.availability.slots({ spokespersonId, from: from.toISOString(), to: new Date(from.getTime() + 60 * DAY_MS).toISOString(), timeZone: 'UTC' });
    const starts = answer.days.flatMap((day) => day.slots.map((slot) => Date.parse(slot.start)));
    expect(starts.length).toBeGreaterThan(10);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(from.getTime());
    expect(Math.max(...starts) + 30 * 60_000).toBeLessThanOrEqual(limit);
    expect(reads).toBe(0);
  });

  it('a window that starts in the past lists nothing before now', async () => {
    const caller = await publicCaller();
    const answer = await caller.availability.slots({ spokespersonId, from: new Date(NOW.getTime() - 30 * DAY_MS).toISOString(), to: new Date(NOW.getTime() + 3 * DAY_MS).toISOString(), timeZone: 'UTC' });
    const starts = answer.days.flatMap((day) => day.slots.map((slot) => Date.parse(slot.start)));
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW.getTime());
  });
});
