/**
 * Offset timelines: a zone's UTC offsets over a span of instants, with the exact instants at which
 * the offset changes.
 *
 * Why: luxon is the source of truth for zones, but every `Zone.offset()` is an `Intl` call (~10 µs)
 * and `toISO()` in a zone ~15 µs (see DESIGN.md, performance notes). A timeline is built with a few
 * `offset()` calls — one per day sampled, plus a bisection to the exact second at each change —
 * after which converting, formatting and date math are integer arithmetic.
 *
 * Correctness contract (tested against luxon as the oracle):
 * - `getOffsetAt` equals luxon's `zone.offset(instant)` for every instant.
 * - `formatInstantIso` equals `DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true })`
 *   (seconds always shown, milliseconds only when non-zero, `Z` only for the fixed UTC zone).
 * - Limitation: two changes inside one sampling step (24 h) that return to the same offset would
 *   be missed. No zone has done that since 1970; the property tests compare against luxon.
 *
 * Wall-clock resolution (`resolveLocalWallTime`), the rule the slot engine relies on:
 *   a local wall time W resolves to the EARLIEST instant whose local wall-clock reading is >= W.
 * - a wall time that exists once → that instant;
 * - an ambiguous one (fall-back) → its earlier occurrence (the first time the clock shows it);
 * - a non-existent one (spring-forward gap) → the instant the clock jumps, i.e. the first valid
 *   instant after the gap (02:30 on 2027-03-14 in New York → 03:00-04:00 = 07:00Z).
 * This deliberately differs from luxon's `DateTime.fromObject`: luxon moves a gap time forward by
 * the gap's length (02:30 → 03:30) and resolves an ambiguous time using the offset of the CURRENT
 * date as its first guess, so the same input gives the earlier occurrence in summer and the later
 * one in winter. A scheduler must not change its answer with the date it runs on.
 */
import { Info, type Zone } from 'luxon';
import { DAY_MS, MINUTE_MS, daysFromCivil, formatDayNumber, getIsoWeekday, pad2, pad3 } from './civil-date';
import type { IsoWeekday } from './types';

/** Timelines are cached in chunks of this size so overlapping windows share the work. */
const CHUNK_MS = 32 * DAY_MS;
/** Sampling step inside a chunk; changes between samples are found by bisection. */
const SAMPLE_MS = DAY_MS;
/**
 * Cache bounds. Each chunk is a handful of numbers, so 4,096 chunks (≈ 360 zone-years) cost well
 * under a megabyte; the bound only stops a long-running server that sees many zones and dates
 * (public queries choose both) from growing without limit.
 */
const MAX_CACHED_CHUNKS = 4096;
const MAX_CACHED_TIMELINES = 256;
const MAX_CACHED_ZONES = 1024;
/** Refuse absurd spans (a public query could ask for one); ~16 years is far beyond any window. */
const MAX_TIMELINE_CHUNKS = 180;
/**
 * Real offsets lie within ±15 h; a wall time W can only be read off the clock at instants in
 * (W - 1 day, W + 1 day), so resolution only looks that far.
 */
const RESOLUTION_REACH_MS = DAY_MS;

export interface OffsetTimeline {
  readonly timeZone: string;
  /** Instants `[coverFrom, coverTo)` the timeline knows; outside them luxon is asked directly. */
  readonly coverFrom: number;
  readonly coverTo: number;
  /** Ascending instants at which the offset changes. */
  readonly changeInstants: readonly number[];
  /** `offsetsMinutes[i]` holds from `changeInstants[i - 1]` (inclusive) to `changeInstants[i]`. */
  readonly offsetsMinutes: readonly number[];
  /** Fixed-offset zone (luxon's `isUniversal`); luxon writes `Z` for such a zone at offset 0. */
  readonly isUniversal: boolean;
  /** @internal luxon zone, used only outside the cover. */
  readonly zone: Zone;
}

interface TimelineChunk {
  changeInstants: number[];
  offsetsMinutes: number[];
}

/** Tiny LRU on top of Map's insertion order. */
class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly maxSize: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxSize) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const zoneCache = new BoundedCache<string, Zone>(MAX_CACHED_ZONES);
const chunkCache = new BoundedCache<string, TimelineChunk>(MAX_CACHED_CHUNKS);
const timelineCache = new BoundedCache<string, OffsetTimeline>(MAX_CACHED_TIMELINES);

/** Empties every cache (tests and cold-start benchmarks). */
export function clearOffsetTimelineCache(): void {
  zoneCache.clear();
  chunkCache.clear();
  timelineCache.clear();
}

/** Current cache sizes, to check the bounds hold. */
export function getOffsetTimelineCacheSizes(): { zones: number; chunks: number; timelines: number } {
  return { zones: zoneCache.size, chunks: chunkCache.size, timelines: timelineCache.size };
}

/**
 * The luxon zone for an IANA name (or luxon's fixed-offset names such as `UTC`).
 * Throws `RangeError` for unknown zones and for `local`/`system`, whose meaning depends on the
 * server's `TZ` and would make results differ between machines.
 */
export function resolveZone(timeZone: string): Zone {
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  const zone = Info.normalizeZone(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  if (zone.type === 'system') {
    throw new RangeError(`Time zone "${timeZone}" depends on the server; use an IANA name`);
  }
  zoneCache.set(timeZone, zone);
  return zone;
}

/**
 * Offset timeline of `timeZone` covering at least `[fromMs, toMs]`. Cached (bounded LRU), so
 * repeated calls for nearby windows cost a Map lookup. Throws `RangeError` for an unknown zone or
 * a span over ~16 years.
 */
export function getOffsetTimeline(timeZone: string, fromMs: number, toMs: number): OffsetTimeline {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs > toMs) {
    throw new RangeError(`Invalid timeline span [${fromMs}, ${toMs}]`);
  }
  const firstChunk = Math.floor(fromMs / CHUNK_MS);
  const lastChunk = Math.floor(toMs / CHUNK_MS);
  if (lastChunk - firstChunk >= MAX_TIMELINE_CHUNKS) {
    throw new RangeError(`Timeline span of ${Math.round((toMs - fromMs) / DAY_MS)} days is too long`);
  }
  const key = `${timeZone}\u0000${firstChunk}\u0000${lastChunk}`;
  const cached = timelineCache.get(key);
  if (cached) return cached;

  const zone = resolveZone(timeZone);
  const changeInstants: number[] = [];
  const offsetsMinutes: number[] = [];
  for (let chunkIndex = firstChunk; chunkIndex <= lastChunk; chunkIndex++) {
    const chunk = getTimelineChunk(timeZone, zone, chunkIndex);
    const chunkStartOffset = chunk.offsetsMinutes[0] as number;
    if (offsetsMinutes.length === 0) {
      offsetsMinutes.push(chunkStartOffset);
    } else if (offsetsMinutes[offsetsMinutes.length - 1] !== chunkStartOffset) {
      // The change fell exactly on the chunk boundary.
      changeInstants.push(chunkIndex * CHUNK_MS);
      offsetsMinutes.push(chunkStartOffset);
    }
    for (let i = 0; i < chunk.changeInstants.length; i++) {
      changeInstants.push(chunk.changeInstants[i] as number);
      offsetsMinutes.push(chunk.offsetsMinutes[i + 1] as number);
    }
  }
  const timeline: OffsetTimeline = {
    timeZone,
    coverFrom: firstChunk * CHUNK_MS,
    coverTo: (lastChunk + 1) * CHUNK_MS,
    changeInstants,
    offsetsMinutes,
    isUniversal: zone.isUniversal,
    zone,
  };
  timelineCache.set(key, timeline);
  return timeline;
}

function getTimelineChunk(timeZone: string, zone: Zone, chunkIndex: number): TimelineChunk {
  const key = `${timeZone}\u0000${chunkIndex}`;
  const cached = chunkCache.get(key);
  if (cached) return cached;
  const chunk = buildTimelineChunk(zone, chunkIndex * CHUNK_MS, (chunkIndex + 1) * CHUNK_MS);
  chunkCache.set(key, chunk);
  return chunk;
}

/** Changes strictly inside `(chunkStart, chunkEnd)`; one at `chunkEnd` belongs to the next chunk. */
function buildTimelineChunk(zone: Zone, chunkStart: number, chunkEnd: number): TimelineChunk {
  let previousOffset = zone.offset(chunkStart);
  const chunk: TimelineChunk = { changeInstants: [], offsetsMinutes: [previousOffset] };
  if (zone.isUniversal) return chunk;
  for (let sample = chunkStart + SAMPLE_MS; sample <= chunkEnd; sample += SAMPLE_MS) {
    const sampleOffset = zone.offset(sample);
    // Walk every change between the previous sample and this one (there may be more than one
    // when a zone changes twice in a day to a third offset).
    let low = sample - SAMPLE_MS;
    let lowOffset = previousOffset;
    while (lowOffset !== sampleOffset) {
      const change = findFirstInstantWithOtherOffset(zone, low, sample, lowOffset);
      if (change >= chunkEnd) break;
      const changeOffset = zone.offset(change);
      chunk.changeInstants.push(change);
      chunk.offsetsMinutes.push(changeOffset);
      low = change;
      lowOffset = changeOffset;
    }
    previousOffset = sampleOffset;
  }
  return chunk;
}

/**
 * Smallest whole second in `(low, high]` whose offset is not `lowOffset`, given that `high`'s is
 * not. Offsets only change on whole seconds (tzdata has second resolution and `Intl` formats whole
 * seconds), so bisecting over seconds finds the exact millisecond.
 */
function findFirstInstantWithOtherOffset(zone: Zone, low: number, high: number, lowOffset: number): number {
  let lowSecond = Math.floor(low / 1000);
  let highSecond = Math.ceil(high / 1000);
  while (highSecond - lowSecond > 1) {
    const middle = lowSecond + Math.floor((highSecond - lowSecond) / 2);
    if (zone.offset(middle * 1000) === lowOffset) lowSecond = middle;
    else highSecond = middle;
  }
  return highSecond * 1000;
}

/** Index into `offsetsMinutes` of the segment holding `instant` (which must be inside the cover). */
function findSegmentIndex(timeline: OffsetTimeline, instant: number): number {
  const changes = timeline.changeInstants;
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((changes[middle] as number) <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** UTC offset in minutes at `instant`; exactly luxon's `zone.offset(instant)`. */
export function getOffsetAt(timeline: OffsetTimeline, instant: number): number {
  if (instant < timeline.coverFrom || instant >= timeline.coverTo) return timeline.zone.offset(instant);
  return timeline.offsetsMinutes[findSegmentIndex(timeline, instant)] as number;
}

/**
 * Instant for a local wall-clock reading given as "local milliseconds" (the wall time read as if it
 * were UTC: `dayNumber * DAY_MS + minutesOfDay * MINUTE_MS`). Returns the earliest instant whose
 * local reading is >= the wall time — see the header for what that means in gaps and folds.
 */
export function resolveLocalWallTime(timeline: OffsetTimeline, localMs: number): number {
  let active = timeline;
  if (localMs - RESOLUTION_REACH_MS < active.coverFrom || localMs + RESOLUTION_REACH_MS >= active.coverTo) {
    active = getOffsetTimeline(timeline.timeZone, localMs - RESOLUTION_REACH_MS, localMs + RESOLUTION_REACH_MS);
  }
  const changes = active.changeInstants;
  const offsets = active.offsetsMinutes;
  // Within one segment the local reading `t + offset` grows with t, so the earliest instant there
  // reading >= W is max(segmentStart, W - offset), if still inside the segment. Segments are in
  // time order, so the first segment with such an instant holds the answer.
  for (let index = findSegmentIndex(active, localMs - RESOLUTION_REACH_MS); index < offsets.length; index++) {
    const segmentStart = index === 0 ? -Infinity : (changes[index - 1] as number);
    const segmentEnd = index === changes.length ? Infinity : (changes[index] as number);
    const candidate = Math.max(segmentStart, localMs - (offsets[index] as number) * MINUTE_MS);
    if (candidate < segmentEnd) return candidate;
  }
  /* c8 ignore next -- the last segment is open-ended, so the loop always returns */
  throw new Error('unreachable: wall time could not be resolved');
}

/**
 * Instant of the local wall time `year-month-day minutesOfDay` in the timeline's zone. Earliest
 * occurrence for an ambiguous time, the end of the gap for a non-existent one.
 */
export function convertWallTimeToInstant(
  timeline: OffsetTimeline,
  year: number,
  month: number,
  day: number,
  minutesOfDay: number,
): number {
  return resolveLocalWallTime(timeline, daysFromCivil(year, month, day) * DAY_MS + minutesOfDay * MINUTE_MS);
}

/**
 * Local milliseconds (wall reading as if UTC) of an instant. Truncates like `new Date()` does, so a
 * historic sub-minute offset gives the same wall time as luxon.
 */
function toLocalMs(instant: number, offsetMinutes: number): number {
  return Math.trunc(instant + offsetMinutes * MINUTE_MS);
}

/** Local day number (days since 1970-01-01 on the zone's calendar) of an instant. */
export function getLocalDayNumber(timeline: OffsetTimeline, instant: number): number {
  return Math.floor(toLocalMs(instant, getOffsetAt(timeline, instant)) / DAY_MS);
}

/** Local date `YYYY-MM-DD` of an instant in the timeline's zone (luxon's `toISODate()`). */
export function formatLocalDate(timeline: OffsetTimeline, instant: number): string {
  return formatDayNumber(getLocalDayNumber(timeline, instant));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in the timeline's zone. */
export function getLocalWeekday(timeline: OffsetTimeline, instant: number): IsoWeekday {
  return getIsoWeekday(getLocalDayNumber(timeline, instant));
}

/** ISO 8601 with offset, e.g. `2027-03-22T10:00:00-04:00`; exactly luxon's `toISO({ suppressMilliseconds: true })`. */
export function formatInstantIso(timeline: OffsetTimeline, instant: number): string {
  return createInstantFormatter(timeline).formatIso(instant);
}

/** "HH:mm:00" for every minute of a day, built once. */
const WHOLE_MINUTE_TEXTS = Array.from({ length: 1440 }, (_, minuteOfDay) => `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:00`);

/** The same texts as ASCII bytes, for answers written straight into a buffer. */
const WHOLE_MINUTE_BYTES = WHOLE_MINUTE_TEXTS.map(asciiBytes);

/** Bytes of an ASCII text (ISO instants, dates, offsets and JSON punctuation are all ASCII). */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/**
 * Copies `bytes` into `target` at `position`; returns the position after them. Short pieces
 * by a loop (a `set` call costs as much as copying a dozen bytes one by one), longer ones by `set`.
 */
export function copyBytes(target: Uint8Array, position: number, bytes: Uint8Array): number {
  const length = bytes.length;
  if (length > 16) target.set(bytes, position);
  else for (let index = 0; index < length; index++) target[position + index] = bytes[index]!;
  return position + length;
}

/**
 * Date and offset texts as bytes, shared by every zone (a day number's date and an offset's
 * `±HH:MM` do not depend on the zone). Bounded: public questions choose the dates.
 */
const DATE_BYTES = new Map<number, Uint8Array>();
const OFFSET_BYTES = new Map<number, Uint8Array>();
const MAX_DATE_BYTES = 20_000;
const Z_BYTES = asciiBytes('Z');

function dateBytesOf(dayNumber: number): Uint8Array {
  let bytes = DATE_BYTES.get(dayNumber);
  if (bytes === undefined) {
    if (DATE_BYTES.size >= MAX_DATE_BYTES) DATE_BYTES.clear();
    bytes = asciiBytes(formatDayNumber(dayNumber));
    DATE_BYTES.set(dayNumber, bytes);
  }
  return bytes;
}

/** Longest ISO instant `writeIso` may write: a six-digit signed year with milliseconds and an offset. */
export const MAX_ISO_BYTES = 33;

export interface InstantFormatter {
  formatIso(instant: number): string;
  formatDate(instant: number): string;
  /** `formatIso(instant)` written as ASCII into `target` at `position` (at most MAX_ISO_BYTES); returns the position after it. */
  writeIso(target: Uint8Array, position: number, instant: number): number;
  /** `formatDate(instant)` written into `target`; returns the position after it. */
  writeDate(target: Uint8Array, position: number, instant: number): number;
  /** The local day number of `instant` (what `formatDate` writes), to group instants by the zone's dates. */
  dayNumber(instant: number): number;
}

/**
 * A formatter for many instants in one zone that memoises date and offset strings — what
 * `formatSlots` uses. Same output as {@link formatInstantIso}.
 */
export function createInstantFormatter(timeline: OffsetTimeline): InstantFormatter {
  const dateTexts = new Map<number, string>();
  const offsetTexts = new Map<number, string>();

  const formatDayCached = (dayNumber: number): string => {
    let text = dateTexts.get(dayNumber);
    if (text === undefined) {
      text = formatDayNumber(dayNumber);
      dateTexts.set(dayNumber, text);
    }
    return text;
  };

  const formatOffsetCached = (offsetMinutes: number): string => {
    let text = offsetTexts.get(offsetMinutes);
    if (text === undefined) {
      text = formatOffset(offsetMinutes, timeline.isUniversal);
      offsetTexts.set(offsetMinutes, text);
    }
    return text;
  };

  let lastDay = Number.NaN;
  let lastDayBytes: Uint8Array = new Uint8Array(0);
  let lastOffset = Number.NaN;
  let lastOffsetBytes: Uint8Array = new Uint8Array(0);
  const formatter: InstantFormatter = {
    formatIso(instant: number): string {
      const offsetMinutes = getOffsetAt(timeline, instant);
      const localMs = toLocalMs(instant, offsetMinutes);
      const dayNumber = Math.floor(localMs / DAY_MS);
      const msOfDay = localMs - dayNumber * DAY_MS;
      const hour = Math.floor(msOfDay / 3_600_000);
      const minute = Math.floor((msOfDay % 3_600_000) / MINUTE_MS);
      const second = Math.floor((msOfDay % MINUTE_MS) / 1000);
      const millisecond = msOfDay % 1000;
      // Slots fall on whole minutes: their "HH:mm:00" comes from a table.
      const clock = second === 0 && millisecond === 0 ? WHOLE_MINUTE_TEXTS[hour * 60 + minute]! : `${pad2(hour)}:${pad2(minute)}:${pad2(second)}${millisecond === 0 ? '' : `.${pad3(millisecond)}`}`;
      return `${formatDayCached(dayNumber)}T${clock}${formatOffsetCached(offsetMinutes)}`;
    },
    formatDate(instant: number): string {
      const offsetMinutes = getOffsetAt(timeline, instant);
      return formatDayCached(Math.floor(toLocalMs(instant, offsetMinutes) / DAY_MS));
    },
    writeIso(target: Uint8Array, position: number, instant: number): number {
      const offsetMinutes = getOffsetAt(timeline, instant);
      const localMs = toLocalMs(instant, offsetMinutes);
      const dayNumber = Math.floor(localMs / DAY_MS);
      // Below 86,400,000: a small integer, so the arithmetic below stays on integers.
      const msOfDay = (localMs - dayNumber * DAY_MS) | 0;
      const minuteOfDay = (msOfDay / MINUTE_MS) | 0;
      if (minuteOfDay * MINUTE_MS !== msOfDay) return copyBytes(target, position, asciiBytes(formatter.formatIso(instant)));
      // Instants come in order: the day and offset are nearly always the last ones.
      if (dayNumber !== lastDay) {
        lastDay = dayNumber;
        lastDayBytes = dateBytesOf(dayNumber);
      }
      if (offsetMinutes !== lastOffset) {
        lastOffset = offsetMinutes;
        // Fixed UTC writes "Z"; the same offset in a named zone is "+00:00".
        let offset = timeline.isUniversal && offsetMinutes === 0 ? Z_BYTES : OFFSET_BYTES.get(offsetMinutes);
        if (offset === undefined) {
          offset = asciiBytes(formatOffset(offsetMinutes, false));
          OFFSET_BYTES.set(offsetMinutes, offset);
        }
        lastOffsetBytes = offset;
      }
      let at = copyBytes(target, position, lastDayBytes);
      target[at++] = 84; // "T"
      at = copyBytes(target, at, WHOLE_MINUTE_BYTES[minuteOfDay]!);
      return copyBytes(target, at, lastOffsetBytes);
    },
    writeDate(target: Uint8Array, position: number, instant: number): number {
      return copyBytes(target, position, dateBytesOf(formatter.dayNumber(instant)));
    },
    dayNumber(instant: number): number {
      return Math.floor(toLocalMs(instant, getOffsetAt(timeline, instant)) / DAY_MS);
    },
  };
  return formatter;
}

/** `±HH:MM` the way luxon writes it (truncating a historic sub-minute offset), `Z` for fixed UTC. */
function formatOffset(offsetMinutes: number, isUniversal: boolean): string {
  if (isUniversal && offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.trunc(magnitude / 60))}:${pad2(Math.trunc(magnitude % 60))}`;
}
