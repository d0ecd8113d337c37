// Free slots of a cached calendar for any window, from one list per duration.
//
// Why: reporters ask distinct questions (their own zone, duration and window),
// which the answer memo cannot serve, and running the engine per question was
// a fifth of an answer's cost. The engine's grid never depends on the window
// (compute-free-slots.ts, rule 3), and notice, horizon and window only cut the
// list (rule 6; `now` plays no other part), so the slots of any window are a
// contiguous run of one list computed over the whole horizon. That list is
// computed once per calendar object (which a write or a changed reload replaces),
// duration and hour, as of the hour's start with a day more of horizon: a
// superset of what any moment of that hour may offer. Each question takes its
// run by binary search, with its own exact `now`.
// tests: server/availability/slot-lists.test.ts compares with the engine.
import { DAY_MS, HOUR_MS, MINUTE_MS } from './civil-date';
import { calendarCoverage } from './calendar-cache';
import { computeFreeSlots } from './compute-free-slots';
import { spokespersonSideWriter, type SlotSideWriter } from './format-slot';
import type { SpokespersonCalendar } from './load-calendars';
import type { FreeSlot } from './types';

/** One spokesperson's free slots over the whole horizon, for one duration, as of `hour`. */
export interface SlotList {
  hour: number;
  slots: FreeSlot[];
  /** The spokesperson's side of each slot as JSON bytes, written block by block on first use (see format-slot.ts). */
  spokesperson: SlotSideWriter;
}

/** Slots per block of ready-made spokesperson texts: a question reads a few blocks, not the whole horizon. */
const BLOCK_SLOTS = 64;

/**
 * The spokesperson's side of every slot of `slots`, kept as bytes once written.
 * The same for every viewer, so any question's answer copies it rather than formatting it.
 */
function cachedSpokespersonSide(slots: FreeSlot[], timeZone: string): SlotSideWriter {
  const fresh = spokespersonSideWriter(slots, timeZone);
  const blocks: (Uint8Array | undefined)[] = new Array(Math.ceil(slots.length / BLOCK_SLOTS));
  // Where each slot's text starts in its block; the next slot's start (or the block's length) ends it.
  const starts = new Int32Array(slots.length);
  const blockOf = (block: number): Uint8Array => {
    let bytes = blocks[block];
    if (bytes === undefined) {
      const first = block * BLOCK_SLOTS;
      const end = Math.min(slots.length, first + BLOCK_SLOTS);
      const scratch = new Uint8Array((end - first) * fresh.maxBytes);
      let at = 0;
      for (let index = first; index < end; index++) {
        starts[index] = at;
        at = fresh.write(scratch, at, index);
      }
      bytes = scratch.slice(0, at);
      blocks[block] = bytes;
    }
    return bytes;
  };
  return {
    maxBytes: fresh.maxBytes,
    write(target, position, index) {
      const block = Math.floor(index / BLOCK_SLOTS);
      const bytes = blockOf(block);
      const from = starts[index]!;
      const to = index + 1 < slots.length && (index + 1) % BLOCK_SLOTS !== 0 ? starts[index + 1]! : bytes.length;
      target.set(bytes.subarray(from, to), position);
      return position + to - from;
    },
  };
}

const lists = new WeakMap<SpokespersonCalendar, Map<number, SlotList>>();

/**
 * The list for this calendar and duration, or null when the calendar's data do
 * not cover the whole horizon (calendars read for one window only).
 */
function slotListOf(calendar: SpokespersonCalendar, durationMinutes: number, now: number): SlotList | null {
  const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  const { engine } = calendar;
  // Computed as of the hour's start with one more day of horizon: a superset
  // of what any `now` in this hour may offer, cut exactly per question.
  const to = hourStart + (engine.horizonDays + 1) * DAY_MS + durationMinutes * MINUTE_MS;
  const coverage = calendarCoverage(calendar);
  if (!coverage || coverage.from > hourStart - DAY_MS || coverage.to < to + DAY_MS) return null;
  let byDuration = lists.get(calendar);
  if (!byDuration) {
    byDuration = new Map();
    lists.set(calendar, byDuration);
  }
  const known = byDuration.get(durationMinutes);
  if (known?.hour === hourStart) return known;
  const slots = computeFreeSlots({ ...engine, horizonDays: engine.horizonDays + 1, durationMinutes, now: hourStart, from: hourStart, to });
  const list: SlotList = { hour: hourStart, slots, spokesperson: cachedSpokespersonSide(slots, calendar.timeZone) };
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
 * computeFreeSlots answers for the same options, as the run `[first, end)` of
 * `slots` (the shared list's, when `list` is set) without copying it out.
 */
export function slotRunInWindow(
  calendar: SpokespersonCalendar,
  options: { durationMinutes: number; from: Date; to: Date; now: Date },
): { slots: FreeSlot[]; list: SlotList | null; first: number; end: number } {
  const now = options.now.getTime();
  const list = slotListOf(calendar, options.durationMinutes, now);
  if (!list) {
    const slots = computeFreeSlots({ ...calendar.engine, durationMinutes: options.durationMinutes, now, from: options.from.getTime(), to: options.to.getTime() });
    return { slots, list: null, first: 0, end: slots.length };
  }
  const { engine } = calendar;
  const durationMs = options.durationMinutes * MINUTE_MS;
  // Rule 6 with this question's exact now and window.
  const earliestStart = Math.max(options.from.getTime(), now + engine.minimumNoticeMinutes * MINUTE_MS);
  const startsBefore = Math.min(now + engine.horizonDays * DAY_MS, options.to.getTime() - durationMs + 1);
  const first = firstStartingFrom(list.slots, earliestStart);
  const end = Math.max(first, firstStartingFrom(list.slots, startsBefore));
  return { slots: list.slots, list, first, end };
}

/** slotRunInWindow's run as its own array: exactly computeFreeSlots' answer for the window. */
export function freeSlotsInWindow(
  calendar: SpokespersonCalendar,
  options: { durationMinutes: number; from: Date; to: Date; now: Date },
): { slots: FreeSlot[]; list: SlotList | null; first: number; end: number } {
  const run = slotRunInWindow(calendar, options);
  return { ...run, slots: run.list ? run.slots.slice(run.first, run.end) : run.slots };
}
