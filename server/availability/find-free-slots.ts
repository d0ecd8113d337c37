// The database-facing side of availability: load calendars, run the pure
// engine, shape the answer for the viewer's zone.
import type { z } from 'zod';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { foldForSearch } from '../contacts/search-text';
import { computeFreeSlots } from './compute-free-slots';
import { formatSlots, formatSlotsByViewerDate, formattersCovering, writeSlotsByViewerDate, type SlotDay } from './format-slot';
import { freeSlotsInWindow, slotRunInWindow } from './slot-lists';
import { withLazyProperty, withPrebuiltJson } from '../common/prebuilt-json';
import { getCalendarCache } from './calendar-cache';
import type { SpokespersonCalendar } from './load-calendars';
import type { searchInput, slotsInput } from './schema';
import type { FreeSlot } from './types';
import { MAX_HORIZON_DAYS } from '../spokespeople/schema';

const DAY_MS = 86_400_000;

/**
 * The part of a public window that can hold a bookable slot: from now (to the
 * minute, so identical questions within a minute stay identical) to now plus
 * the longest booking horizon any spokesperson may have. Applied before any
 * read, so no public question reaches past what the calendar cache holds
 * (history, or years ahead) and each answer is computed over at most this
 * span. Nothing is lost: the engine offers no slot before now (minimum notice
 * counts from now) nor past the spokesperson's own horizon.
 */
export function clampToBookableWindow(window: { from: Date; to: Date }, now: Date): { from: Date; to: Date } {
  const earliest = Math.floor(now.getTime() / 60_000) * 60_000;
  const latest = now.getTime() + MAX_HORIZON_DAYS * DAY_MS;
  const from = Math.min(Math.max(window.from.getTime(), earliest), latest);
  const to = Math.max(Math.min(window.to.getTime(), latest), from);
  return { from: new Date(from), to: new Date(to) };
}

/** The requested duration, or the default; VALIDATION_FAILED for one the spokesperson does not offer. */
export function pickDuration(calendar: SpokespersonCalendar, requested: number | undefined): number {
  if (requested === undefined) return calendar.defaultDurationMinutes;
  if (!calendar.allowedDurations.includes(requested)) {
    throw new AppError('VALIDATION_FAILED', `${calendar.name} gives interviews of ${calendar.allowedDurations.join(', ')} minutes; ${requested} is not one of them.`, {
      details: { allowedDurations: calendar.allowedDurations },
    });
  }
  return requested;
}

/** Runs the engine for one calendar. */
export function computeCalendarSlots(calendar: SpokespersonCalendar, options: { durationMinutes: number; from: Date; to: Date; now: Date }): FreeSlot[] {
  return computeFreeSlots({
    ...calendar.engine,
    durationMinutes: options.durationMinutes,
    now: options.now.getTime(),
    from: options.from.getTime(),
    to: options.to.getTime(),
  });
}

/**
 * Free slots of one spokesperson (named by id or slug) in `[from, to)`, each
 * with start/end in the viewer's zone and the spokesperson's local time.
 * Throws NOT_FOUND for an unknown or inactive spokesperson, VALIDATION_FAILED
 * for a duration they do not offer.
 */
export async function findFreeSlots(options: { db: DbOrTx; input: z.output<typeof slotsInput>; now: Date }) {
  const input = { ...options.input, ...clampToBookableWindow(options.input, options.now) };
  const cache = getCalendarCache(options.db);
  const id = await cache.resolveId(input.spokespersonId, options.now.getTime());
  const [calendar] = await cache.get({ ids: [id], from: input.from, to: input.to, now: options.now.getTime() });
  if (!calendar) throw new AppError('NOT_FOUND', 'No such spokesperson.');
  const durationMinutes = pickDuration(calendar, input.duration);
  // Reporters opening the same spokesperson's picker send the same question;
  // within one minute of the same calendar version the answer is the same.
  const key = `${input.timeZone}|${durationMinutes}|${input.from.getTime()}|${input.to.getTime()}`;
  const minute = Math.floor(options.now.getTime() / 60_000);
  const memo = answerMemo.get(calendar) ?? new Map<string, { minute: number; answer: SlotsAnswer }>();
  answerMemo.set(calendar, memo);
  const remembered = memo.get(key);
  if (remembered?.minute === minute) {
    answerCacheCounters.hits++;
    return remembered.answer;
  }
  answerCacheCounters.misses++;
  const { slots, list, first, end } = freeSlotsInWindow(calendar, { durationMinutes, from: input.from, to: input.to, now: options.now });
  const formatOptions = { viewerTimeZone: input.timeZone, spokespersonTimeZone: calendar.timeZone };
  // The object's days are built only if someone reads them; the lean HTTP path writes the JSON bytes directly.
  const answer: SlotsAnswer = withLazyProperty(
    { spokesperson: { id: calendar.id, slug: calendar.slug, name: calendar.name, timeZone: calendar.timeZone }, timeZone: input.timeZone, durationMinutes },
    'days',
    () => formatSlotsByViewerDate(slots, formatOptions),
  );
  withPrebuiltJson(answer, (prefix, suffix) => {
    const { spokesperson, timeZone } = answer;
    const head = `${prefix}{"spokesperson":${JSON.stringify(spokesperson)},"timeZone":${JSON.stringify(timeZone)},"durationMinutes":${durationMinutes},"days":`;
    return list
      ? writeSlotsByViewerDate(list.slots, { ...formatOptions, first, end, spokesperson: list.spokesperson, prefix: head, suffix: `}${suffix}` })
      : writeSlotsByViewerDate(slots, { ...formatOptions, prefix: head, suffix: `}${suffix}` });
  });
  if (memo.size >= MAX_MEMO_ANSWERS) memo.clear();
  memo.set(key, { minute, answer });
  answerSources.set(answer, { cache, calendar, minute });
  return answer;
}

export type SlotsAnswer = { spokesperson: { id: string; slug: string; name: string; timeZone: string }; timeZone: string; durationMinutes: number; days: SlotDay[] };

/** The answer of `availability.slots` (and the staff preview): slots grouped by the viewer's date. */
export function shapeSlotsAnswer(calendar: SpokespersonCalendar, options: { slots: FreeSlot[]; durationMinutes: number; viewerTimeZone: string }): SlotsAnswer {
  return {
    spokesperson: { id: calendar.id, slug: calendar.slug, name: calendar.name, timeZone: calendar.timeZone },
    timeZone: options.viewerTimeZone,
    durationMinutes: options.durationMinutes,
    days: formatSlotsByViewerDate(options.slots, { viewerTimeZone: options.viewerTimeZone, spokespersonTimeZone: calendar.timeZone }),
  };
}

/**
 * Answers per calendar object. A calendar object lives until the cache reloads
 * or a write invalidates it (at most CALENDAR_CACHE_TTL_MS), so the memo never
 * outlives the data; keyed by minute too, so minimum notice is at most a minute
 * lenient in a listing (the booking itself checks it exactly). Bounded per calendar.
 */
const answerMemo = new WeakMap<SpokespersonCalendar, Map<string, { minute: number; answer: SlotsAnswer }>>();
const MAX_MEMO_ANSWERS = 256;

/** Where each memoised answer came from, so the HTTP layer can ask whether it still holds. */
const answerSources = new WeakMap<object, { cache: ReturnType<typeof getCalendarCache>; calendar: SpokespersonCalendar; minute: number }>();

/**
 * True when `answer` (from findFreeSlots) is what findFreeSlots would return
 * for the same question now: same minute, same calendar object, still fresh.
 * Lets the lean HTTP path answer a repeated question without parsing it again.
 */
export function isSlotsAnswerCurrent(answer: unknown, now: number, countAsHit = true): boolean {
  const source = typeof answer === 'object' && answer !== null ? answerSources.get(answer) : undefined;
  if (!source || source.minute !== Math.floor(now / 60_000) || !source.cache.isCurrent(source.calendar, now)) return false;
  if (countAsHit) answerCacheCounters.hits++;
  return true;
}

/** Hits and misses of the answer memo since start, for the benchmarks and operators (never reset). */
const answerCacheCounters = { hits: 0, misses: 0 };

/** A copy of the answer memo's counters: how often availability.slots answered a repeated question from memory. */
export function readAnswerCacheCounters(): { hits: number; misses: number } {
  return { ...answerCacheCounters };
}



/** "en" matches "en-GB" and the other way round: reporters name a language, not a region. */
export function speaksLanguage(languages: string[], wanted: string): boolean {
  const primary = wanted.split('-')[0]!.toLowerCase();
  return languages.some((tag) => tag.split('-')[0]!.toLowerCase() === primary);
}

export function coversTopic(topics: string[], wanted: string): boolean {
  const needle = foldForSearch(wanted);
  return topics.some((topic) => foldForSearch(topic).includes(needle));
}

/**
 * Spokespeople who fit the topic, language and format, with their earliest free slots,
 * ordered by earliest availability; those with no free time in the window
 * come last with `slots: []`. A spokesperson who does not offer the requested
 * duration is left out.
 */
export async function searchAvailability(options: { db: DbOrTx; input: z.output<typeof searchInput>; now: Date }) {
  const input = { ...options.input, ...clampToBookableWindow(options.input, options.now) };
  const calendars = (await getCalendarCache(options.db).get({ from: input.from, to: input.to, now: options.now.getTime() })).filter(
    (calendar) =>
      (!input.topic || coversTopic(calendar.topics, input.topic)) &&
      (!input.language || speaksLanguage(calendar.languages, input.language)) &&
      (!input.format || calendar.formats.includes(input.format)) &&
      (input.duration === undefined || calendar.allowedDurations.includes(input.duration)),
  );
  const results = calendars.map((calendar) => {
    const durationMinutes = input.duration ?? calendar.defaultDurationMinutes;
    // Only the count and the first few are shown: no copy of the whole run.
    const run = slotRunInWindow(calendar, { durationMinutes, from: input.from, to: input.to, now: options.now });
    const count = run.end - run.first;
    const slots = run.slots.slice(run.first, run.first + Math.min(count, input.slotsPerSpokesperson));
    return { calendar, durationMinutes, slots, count, first: slots[0]?.start ?? Infinity };
  });
  results.sort((a, b) => a.first - b.first || a.calendar.name.localeCompare(b.calendar.name));
  // One formatter per zone for the whole answer, not two per spokesperson.
  const formatterFor = formattersCovering(...results.map((result) => result.slots));
  return {
    timeZone: input.timeZone,
    results: results.map(({ calendar, durationMinutes, slots, count }) => ({
      spokesperson: {
        id: calendar.id,
        slug: calendar.slug,
        name: calendar.name,
        title: calendar.title,
        languages: calendar.languages,
        topics: calendar.topics,
        formats: calendar.formats,
        timeZone: calendar.timeZone,
      },
      durationMinutes,
      freeSlotCount: count,
      slots: formatSlots(slots, { viewerTimeZone: input.timeZone, spokespersonTimeZone: calendar.timeZone }, formatterFor),
    })),
  };
}
