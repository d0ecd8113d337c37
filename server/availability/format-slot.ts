/**
 * Shapes free slots for people: each end as ISO 8601 with the viewer's offset, plus the
 * spokesperson's local time and zone (DESIGN.md rule 1: every time shown says its zone, and both
 * sides' local times are shown).
 *
 * Formatting goes through cached offset timelines rather than a luxon `toISO()` per slot (about
 * 15 µs each, which dominated the naive engine); the output is identical to luxon's, which the
 * tests check.
 */
import { asciiBytes, copyBytes, createInstantFormatter, getOffsetTimeline, MAX_ISO_BYTES, type InstantFormatter } from './offset-timeline';
import type { BusyInterval, FormatSlotsOptions, FormattedSlot } from './types';

/**
 * Formats slots for a viewer. Pure and independent of `process.env.TZ`; order is preserved.
 * Each `start`/`end` parses back to exactly the slot's instant, whatever the viewer zone.
 * Throws `RangeError` for an unknown zone or slots spread over more than ~16 years.
 */
export function formatSlots(slots: readonly BusyInterval[], options: FormatSlotsOptions, formatterFor?: FormatterFor): FormattedSlot[] {
  if (slots.length === 0) return [];
  const forZone = formatterFor ?? formattersCovering(slots);
  const viewer = forZone(options.viewerTimeZone);
  const spokesperson = forZone(options.spokespersonTimeZone);
  const timeZone = options.spokespersonTimeZone;

  return slots.map((slot) => ({
    start: viewer.formatIso(slot.start),
    end: viewer.formatIso(slot.end),
    viewerDate: viewer.formatDate(slot.start),
    spokesperson: {
      start: spokesperson.formatIso(slot.start),
      end: spokesperson.formatIso(slot.end),
      date: spokesperson.formatDate(slot.start),
      timeZone,
    },
  }));
}

/** A formatter per zone, each covering the same span of instants. */
export type FormatterFor = (timeZone: string) => InstantFormatter;

/**
 * Formatters covering every slot of `slots` (any number of lists), made once
 * per zone and reused: availability.search formats a few slots of each of
 * many spokespeople in one answer, and making two formatters per spokesperson
 * (an offset-timeline lookup and two caches each) cost more than the
 * formatting itself. Throws `RangeError` as formatSlots does.
 */
export function formattersCovering(...lists: readonly (readonly BusyInterval[])[]): FormatterFor {
  let earliest = Infinity;
  let latest = -Infinity;
  for (const slots of lists) {
    for (const slot of slots) {
      if (slot.start < earliest) earliest = slot.start;
      if (slot.end > latest) latest = slot.end;
    }
  }
  const made = new Map<string, InstantFormatter>();
  return (timeZone) => {
    let formatter = made.get(timeZone);
    if (!formatter) {
      formatter = createInstantFormatter(getOffsetTimeline(timeZone, earliest, latest));
      made.set(timeZone, formatter);
    }
    return formatter;
  };
}

/** One day of slots as the public slot query answers it. */
export interface SlotDay {
  /** Viewer's local date, `YYYY-MM-DD`. */
  date: string;
  slots: { start: string; end: string; spokesperson: { start: string; end: string } }[];
}

/**
 * Formats slots grouped by the viewer's local date, in one pass. Inside a day a
 * slot carries only what is not said once above it (the viewer's date; the
 * spokesperson's zone is in the answer's header): a two-week answer is half the
 * bytes of `formatSlots`, and this is the query that gets hammered after a
 * release. The spokesperson's local date is the first ten characters of
 * `spokesperson.start`. Same guarantees as `formatSlots`; input must be sorted by start.
 */
export function formatSlotsByViewerDate(slots: readonly BusyInterval[], options: FormatSlotsOptions): SlotDay[] {
  if (slots.length === 0) return [];
  const earliest = slots[0]!.start;
  let latest = -Infinity;
  for (const slot of slots) if (slot.end > latest) latest = slot.end;
  const viewer = createInstantFormatter(getOffsetTimeline(options.viewerTimeZone, earliest, latest));
  const spokesperson = createInstantFormatter(getOffsetTimeline(options.spokespersonTimeZone, earliest, latest));
  const days: SlotDay[] = [];
  let day: SlotDay | undefined;
  for (const slot of slots) {
    const start = viewer.formatIso(slot.start);
    // The ISO string begins with the viewer's local date.
    const date = start.slice(0, 10);
    if (!day || day.date !== date) {
      day = { date, slots: [] };
      days.push(day);
    }
    day.slots.push({
      start,
      end: viewer.formatIso(slot.end),
      spokesperson: { start: spokesperson.formatIso(slot.start), end: spokesperson.formatIso(slot.end) },
    });
  }
  return days;
}

/** Writes one slot's spokesperson side, `{"start":…,"end":…}`, into `target` at `position`; returns the position after it. */
export interface SlotSideWriter {
  write(target: Uint8Array, position: number, index: number): number;
  /** The most bytes `write` writes for one slot. */
  maxBytes: number;
}

const SLOT_START = asciiBytes('{"start":"');
const SLOT_END = asciiBytes('","end":"');
const SLOT_SPOKESPERSON = asciiBytes('","spokesperson":');
const DAY_START = asciiBytes('{"date":"');
const DAY_SLOTS = asciiBytes('","slots":[');
const DAY_CLOSE = asciiBytes(']},');
const SIDE_MAX_BYTES = SLOT_START.length + 2 * MAX_ISO_BYTES + SLOT_END.length + 2;
/** Everything of one slot but its spokesperson side, a day's header included: a bound for the buffer. */
const SLOT_MAX_BYTES = 1 + SLOT_START.length + 2 * MAX_ISO_BYTES + SLOT_END.length + SLOT_SPOKESPERSON.length + 1 + DAY_CLOSE.length + DAY_START.length + MAX_ISO_BYTES + DAY_SLOTS.length;

/** The spokesperson's side of `slots[index]`, formatted in `timeZone`. */
export function spokespersonSideWriter(slots: readonly BusyInterval[], timeZone: string): SlotSideWriter {
  let formatter: InstantFormatter | undefined;
  return {
    maxBytes: SIDE_MAX_BYTES,
    write(target, position, index) {
      formatter ??= createInstantFormatter(getOffsetTimeline(timeZone, slots[0]!.start, slots.at(-1)!.end));
      const slot = slots[index]!;
      let at = copyBytes(target, position, SLOT_START);
      at = formatter.writeIso(target, at, slot.start);
      at = copyBytes(target, at, SLOT_END);
      at = formatter.writeIso(target, at, slot.end);
      target[at++] = 34; // "
      target[at++] = 125; // }
      return at;
    },
  };
}

/**
 * `prefix + JSON.stringify(formatSlotsByViewerDate(slots.slice(first, end), options)) + suffix`
 * as UTF-8 bytes, written straight into one buffer: no object or string per slot
 * (building them, then a string of tens of kilobytes, then its bytes, was most of a
 * distinct question's cost). The spokesperson's side of each slot may come ready made
 * (`options.spokesperson`, see slot-lists.ts), given the slot's index in `slots`.
 * Dates, instants and punctuation are ASCII; `prefix` and `suffix` may be any text.
 * Input sorted by start.
 */
export function writeSlotsByViewerDate(
  slots: readonly BusyInterval[],
  options: FormatSlotsOptions & { first?: number; end?: number; spokesperson?: SlotSideWriter; prefix?: string; suffix?: string },
): Buffer {
  const first = options.first ?? 0;
  const end = options.end ?? slots.length;
  const prefix = Buffer.from(options.prefix ?? '', 'utf8');
  const suffix = Buffer.from(options.suffix ?? '', 'utf8');
  const count = end - first;
  const spokesperson = options.spokesperson ?? spokespersonSideWriter(slots, options.spokespersonTimeZone);
  const target = Buffer.allocUnsafe(prefix.length + suffix.length + 4 + count * (SLOT_MAX_BYTES + spokesperson.maxBytes));
  let at = copyBytes(target, 0, prefix);
  target[at++] = 91; // [
  if (count > 0) {
    const viewer = createInstantFormatter(getOffsetTimeline(options.viewerTimeZone, slots[first]!.start, slots[end - 1]!.end));
    let day = Number.NaN;
    for (let index = first; index < end; index++) {
      const slot = slots[index]!;
      const slotDay = viewer.dayNumber(slot.start);
      if (slotDay !== day) {
        if (index !== first) at = copyBytes(target, at, DAY_CLOSE);
        at = copyBytes(target, at, DAY_START);
        at = viewer.writeDate(target, at, slot.start);
        at = copyBytes(target, at, DAY_SLOTS);
        day = slotDay;
      } else {
        target[at++] = 44; // ,
      }
      at = copyBytes(target, at, SLOT_START);
      at = viewer.writeIso(target, at, slot.start);
      at = copyBytes(target, at, SLOT_END);
      at = viewer.writeIso(target, at, slot.end);
      at = copyBytes(target, at, SLOT_SPOKESPERSON);
      at = spokesperson.write(target, at, index);
      target[at++] = 125; // }
    }
    target[at++] = 93; // ]
    target[at++] = 125; // }
  }
  target[at++] = 93; // ]
  at = copyBytes(target, at, suffix);
  return target.subarray(0, at);
}
