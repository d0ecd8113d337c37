/**
 * Shapes free slots for people: each end as ISO 8601 with the viewer's offset, plus the
 * spokesperson's local time and zone (DESIGN.md rule 1: every time shown says its zone, and both
 * sides' local times are shown).
 *
 * Formatting goes through cached offset timelines rather than a luxon `toISO()` per slot (about
 * 15 µs each, which dominated the naive engine); the output is identical to luxon's, which the
 * tests check.
 */
import { createInstantFormatter, getOffsetTimeline } from './offset-timeline';
import type { BusyInterval, FormatSlotsOptions, FormattedSlot } from './types';

/**
 * Formats slots for a viewer. Pure and independent of `process.env.TZ`; order is preserved.
 * Each `start`/`end` parses back to exactly the slot's instant, whatever the viewer zone.
 * Throws `RangeError` for an unknown zone or slots spread over more than ~16 years.
 */
export function formatSlots(slots: readonly BusyInterval[], options: FormatSlotsOptions): FormattedSlot[] {
  if (slots.length === 0) return [];
  let earliest = Infinity;
  let latest = -Infinity;
  for (const slot of slots) {
    if (slot.start < earliest) earliest = slot.start;
    if (slot.end > latest) latest = slot.end;
  }
  const viewer = createInstantFormatter(getOffsetTimeline(options.viewerTimeZone, earliest, latest));
  const spokesperson = createInstantFormatter(getOffsetTimeline(options.spokespersonTimeZone, earliest, latest));
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

/**
 * `JSON.stringify(formatSlotsByViewerDate(slots, options))`, written directly:
 * no object per slot, and the spokesperson's side of each slot may come ready
 * made (`spokespersonJson(index)`, see slot-lists.ts). The strings are ISO
 * instants and dates, which need no JSON escaping. Input sorted by start.
 */
export function formatSlotsByViewerDateJson(
  slots: readonly BusyInterval[],
  options: FormatSlotsOptions & { spokespersonJson?: (index: number) => string },
): string {
  if (slots.length === 0) return '[]';
  const earliest = slots[0]!.start;
  let latest = -Infinity;
  for (const slot of slots) if (slot.end > latest) latest = slot.end;
  const viewer = createInstantFormatter(getOffsetTimeline(options.viewerTimeZone, earliest, latest));
  let spokesperson = options.spokespersonJson;
  if (!spokesperson) {
    const formatter = createInstantFormatter(getOffsetTimeline(options.spokespersonTimeZone, earliest, latest));
    spokesperson = (index) => `{"start":"${formatter.formatIso(slots[index]!.start)}","end":"${formatter.formatIso(slots[index]!.end)}"}`;
  }
  let text = '[';
  let date = '';
  for (let index = 0; index < slots.length; index++) {
    const slot = slots[index]!;
    const start = viewer.formatIso(slot.start);
    const slotText = `{"start":"${start}","end":"${viewer.formatIso(slot.end)}","spokesperson":${spokesperson(index)}}`;
    // The ISO string begins with the viewer's local date.
    const slotDate = start.slice(0, 10);
    if (slotDate !== date) {
      text += `${date === '' ? '' : ']},'}{"date":"${slotDate}","slots":[${slotText}`;
      date = slotDate;
    } else {
      text += `,${slotText}`;
    }
  }
  return `${text}]}]`;
}
