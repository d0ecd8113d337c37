// Free slots of a cached calendar for any window, from one list per duration.
//
// Why: reporters ask distinct questions (their own zone, duration and window),
// which the answer memo cannot serve, and running the engine per question was
// a fifth of an answer's cost. The engine's grid never depends on the window
// (compute-free-slots.ts, rule 3), and notice, horizon and window only cut the
// list (rule 6), so the slots of any window are a contiguous run of one list
// computed over the whole horizon. That list is computed once per calendar
// object (which a write or the cache's reload replaces), duration and minute,
// and each question takes its run by binary search, with its own exact `now`.
// tests: server/availability/slot-lists.test.ts compares with the engine.
import { DAY_MS, MINUTE_MS } from './civil-date';
import { calendarCoverage } from './calendar-cache';
import { computeFreeSlots } from './compute-free-slots';
import { createInstantFormatter, getOffsetTimeline, type InstantFormatter } from './offset-timeline';
import type { SpokespersonCalendar } from './load-calendars';
import type { FreeSlot } from './types';

/** One spokesperson's free slots over the whole horizon, for one duration, as of `minute`. */
export interface SlotList {
  minute: number;
  slots: FreeSlot[];
  /** The spokesperson's side of each slot as JSON text, built on first use (see format-slot.ts). */
  spokespersonJson: (string | undefined)[];
  spokespersonFormatter?: InstantFormatter;
}

const lists = new WeakMap<SpokespersonCalendar, Map<number, SlotList>>();

/**
 * The list for this calendar and duration, or null when the calendar's data do
 * not cover the whole horizon (calendars read for one window only).
 */
function slotListOf(calendar: SpokespersonCalendar, durationMinutes: number, now: number): SlotList | null {
  const minuteStart = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const { engine } = calendar;
  // Computed as of the minute's start with one more day of horizon: a superset
  // of what any `now` in this minute may offer, cut exactly per question.
  const to = minuteStart + (engine.horizonDays + 1) * DAY_MS + durationMinutes * MINUTE_MS;
  const coverage = calendarCoverage(calendar);
  if (!coverage || coverage.from > minuteStart - DAY_MS || coverage.to < to + DAY_MS) return null;
  let byDuration = lists.get(calendar);
  if (!byDuration) {
    byDuration = new Map();
    lists.set(calendar, byDuration);
  }
  const known = byDuration.get(durationMinutes);
  if (known?.minute === minuteStart) return known;
  const slots = computeFreeSlots({ ...engine, horizonDays: engine.horizonDays + 1, durationMinutes, now: minuteStart, from: minuteStart, to });
  const list: SlotList = { minute: minuteStart, slots, spokespersonJson: new Array(slots.length) };
  byDuration.set(durationMinutes, list);
  return list;
}

/** Index of the first slot starting at or after `instant`. */
function firstStartingFrom(slots: FreeSlot[], instant: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (slots[middle]!.start < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Free slots of `calendar` in `[from, to)` as of `now`: exactly what
 * computeFreeSlots answers for the same options. `list` and `[first, end)`
 * say where they sit in the shared list, when one was used.
 */
export function freeSlotsInWindow(
  calendar: SpokespersonCalendar,
  options: { durationMinutes: number; from: Date; to: Date; now: Date },
): { slots: FreeSlot[]; list: SlotList | null; first: number } {
  const now = options.now.getTime();
  const list = slotListOf(calendar, options.durationMinutes, now);
  if (!list) {
    const slots = computeFreeSlots({ ...calendar.engine, durationMinutes: options.durationMinutes, now, from: options.from.getTime(), to: options.to.getTime() });
    return { slots, list: null, first: 0 };
  }
  const { engine } = calendar;
  const durationMs = options.durationMinutes * MINUTE_MS;
  // Rule 6 with this question's exact now and window.
  const earliestStart = Math.max(options.from.getTime(), now + engine.minimumNoticeMinutes * MINUTE_MS);
  const startsBefore = Math.min(now + engine.horizonDays * DAY_MS, options.to.getTime() - durationMs + 1);
  const first = firstStartingFrom(list.slots, earliestStart);
  const end = Math.max(first, firstStartingFrom(list.slots, startsBefore));
  return { slots: list.slots.slice(first, end), list, first };
}

/** The spokesperson's side of slot `index` of `list`, `{"start":…,"end":…}`, built once per list. */
export function spokespersonSlotJson(list: SlotList, index: number, timeZone: string): string {
  let text = list.spokespersonJson[index];
  if (text === undefined) {
    const slots = list.slots;
    list.spokespersonFormatter ??= createInstantFormatter(getOffsetTimeline(timeZone, slots[0]!.start, slots.at(-1)!.end));
    const slot = slots[index]!;
    text = `{"start":"${list.spokespersonFormatter.formatIso(slot.start)}","end":"${list.spokespersonFormatter.formatIso(slot.end)}"}`;
    list.spokespersonJson[index] = text;
  }
  return text;
}
