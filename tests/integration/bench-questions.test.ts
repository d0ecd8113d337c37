// The HTTP benchmark's "distinct questions" (bench/slot-questions.ts) must be
// what they claim: all different, spread over zones, durations, windows and
// spokespeople, and each one a miss of the answer cache, counted by the
// server's own counters. Not timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswerCacheCounters } from '../../server/availability/find-free-slots';
import { DURATIONS, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, SPAN_DAYS, VIEWER_ZONES, distinctSlotQuestions, queryPath } from '../../bench/slot-questions';
import { seedDistinctBenchData } from '../../bench/http-distinct';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { startTestHttpServer } from '../support/http-server';

const DAY = 86_400_000;
let database: TestDatabase;
let http: Awaited<ReturnType<typeof startTestHttpServer>>;
let ids: string[];
const now = Date.now();

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await seedDistinctBenchData(database.prisma, now);
  http = await startTestHttpServer(database, makeTestConfig(database.target));
});
afterAll(async () => {
  await http.close();
  await database.destroy();
});

describe('the benchmark’s distinct availability questions', () => {
  it('are all different and cover 20 zones, 3 durations, 7–21-day windows over 150 days and every spokesperson asked', () => {
    const questions = distinctSlotQuestions({ spokespersonIds: ids.slice(0, 8), now, count: 10_000 });
    expect(new Set(questions.map((question) => queryPath('availability.slots', question))).size).toBe(10_000);
    expect(new Set(questions.map((question) => question.timeZone)).size).toBe(VIEWER_ZONES.length);
    expect(VIEWER_ZONES).toHaveLength(20);
    expect(new Set(questions.map((question) => question.duration))).toEqual(new Set(DURATIONS));
    expect(new Set(questions.map((question) => question.spokespersonId)).size).toBe(8);
    const lengths = questions.map((question) => (Date.parse(question.to) - Date.parse(question.from)) / DAY);
    expect(Math.min(...lengths)).toBe(MIN_WINDOW_DAYS);
    expect(Math.max(...lengths)).toBe(MAX_WINDOW_DAYS);
    expect(Math.max(...questions.map((question) => Date.parse(question.to)))).toBeLessThanOrEqual(now + (SPAN_DAYS + 2) * DAY);
    // Consecutive questions differ in zone, so a run of them never repeats one.
    expect(questions.every((question, index) => index === 0 || question.timeZone !== questions[index - 1]!.timeZone)).toBe(true);
  });

  it('each miss the answer cache, by the server’s counters (hit rate 0), while a repeated question hits it', async () => {
    const questions = distinctSlotQuestions({ spokespersonIds: ids.slice(0, 8), now, count: 240 });
    const before = readAnswerCacheCounters();
    for (const question of questions) {
      const response = await fetch(http.base + queryPath('availability.slots', question));
      expect(response.status).toBe(200);
      const answer = await response.json();
      expect(answer.result.data.durationMinutes).toBe(question.duration);
    }
    const after = readAnswerCacheCounters();
    const hits = after.hits - before.hits;
    const misses = after.misses - before.misses;
    console.log(`answer cache over ${questions.length} distinct questions: ${hits} hits, ${misses} misses, hit rate ${(hits / (hits + misses)).toFixed(3)}`);
    expect(misses).toBe(questions.length);
    expect(hits).toBe(0);

    // The counters do count hits: the same question again within the minute is one.
    await fetch(http.base + queryPath('availability.slots', questions[0]));
    expect(readAnswerCacheCounters().hits - after.hits).toBe(1);
  });
});
