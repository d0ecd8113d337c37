/**
 * The desk planner's pure part: every spokesperson's working hours, time off, interviews and holds
 * over one window, plus the viewer's night hours, as UTC instants ready to lay on one time axis.
 *
 * Working hours come from the slot engine's own expansion (`expandAvailabilityRanges`), so the
 * planner shades exactly the hours the engine offers slots in, with the same DST rules: weekly rules
 * and date overrides are wall-clock times in the spokesperson's zone, resolved per local date
 * (a gap time moves to the end of the gap, an ambiguous one to its first occurrence). Night hours
 * are the same expansion applied to a 22:00–07:00 rule on every day of the viewer's zone.
 *
 * Intervals overlapping the window are returned whole, not clipped, so a view can say when a range
 * really starts and ends; the view clips them to its axis.
 */
import { expandAvailabilityRanges } from './compute-free-slots';
import type { DateOverride, IsoWeekday, WeeklyRule } from './types';

/**
 * The viewer's night, in their zone: a press officer should see at a glance that a proposed time
 * falls while they (or the reporter whose zone they chose) would be asleep. Fixed rather than
 * configurable: it is a visual cue, not a rule anything is refused by.
 */
export const NIGHT_START = '22:00';
export const NIGHT_END = '07:00';

const NIGHT_RULES: WeeklyRule[] = ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({ weekday, start: NIGHT_START, end: NIGHT_END }));

export interface PlannerSpokespersonSource {
  id: string;
  name: string;
  timeZone: string;
  weeklyRules: WeeklyRule[];
  overrides: DateOverride[];
  timeOff: { id: string; start: number; end: number; reason: string | null }[];
  interviews: { id: string; start: number; end: number; status: string; reference: string | null; outlet: string | null }[];
  holds: { requestId: string; reference: string; start: number; end: number }[];
  /** Busy times read from the spokesperson's own calendars (server/calendars/), with the calendar's name. */
  calendarBusy?: { calendar: string; start: number; end: number }[];
}

export interface PlannerInterval {
  /** UTC, ISO 8601 (`2027-03-29T07:00:00.000Z`). */
  start: string;
  end: string;
}

export interface PlannerSpokesperson {
  id: string;
  name: string;
  timeZone: string;
  working: PlannerInterval[];
  timeOff: (PlannerInterval & { id: string; reason?: string })[];
  interviews: (PlannerInterval & { id: string; status: string; reference?: string; outlet?: string })[];
  holds: (PlannerInterval & { requestId: string; reference: string })[];
  /** Shown as "Busy (calendar)": no title, only which calendar says so. */
  calendarBusy: (PlannerInterval & { calendar: string })[];
}

export interface PlannerView {
  from: string;
  to: string;
  timeZone: string;
  night: PlannerInterval[];
  spokespeople: PlannerSpokesperson[];
}

const iso = (instant: number) => new Date(instant).toISOString();
const toInterval = (range: { start: number; end: number }): PlannerInterval => ({ start: iso(range.start), end: iso(range.end) });

/**
 * Night hours (22:00–07:00 local) of `timeZone` that overlap `[from, to)`, DST-correct: the night
 * of a spring-forward date is an hour shorter, that of a fall-back date an hour longer.
 */
export function expandNightHours(options: { timeZone: string; from: number; to: number }): { start: number; end: number }[] {
  return expandAvailabilityRanges({ ...options, weeklyRules: NIGHT_RULES, overrides: [] }).map(({ start, end }) => ({ start, end }));
}

/**
 * The planner for `[from, to)` seen from `viewerTimeZone`. Pure; spokespeople keep the given order;
 * each list is sorted by start and holds only what overlaps the window. Throws `RangeError` for an
 * unknown zone or a malformed rule (the boundary validates both first).
 */
export function buildPlanner(options: { from: number; to: number; viewerTimeZone: string; spokespeople: PlannerSpokespersonSource[] }): PlannerView {
  const { from, to } = options;
  const overlaps = (interval: { start: number; end: number }) => interval.start < to && interval.end > from;
  const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end;
  return {
    from: iso(from),
    to: iso(to),
    timeZone: options.viewerTimeZone,
    night: expandNightHours({ timeZone: options.viewerTimeZone, from, to }).map(toInterval),
    spokespeople: options.spokespeople.map((person) => ({
      id: person.id,
      name: person.name,
      timeZone: person.timeZone,
      working: expandAvailabilityRanges({ timeZone: person.timeZone, weeklyRules: person.weeklyRules, overrides: person.overrides, from, to }).map(toInterval),
      timeOff: person.timeOff
        .filter(overlaps)
        .sort(byStart)
        .map((away) => ({ id: away.id, ...toInterval(away), ...(away.reason ? { reason: away.reason } : {}) })),
      interviews: person.interviews
        .filter(overlaps)
        .sort(byStart)
        .map((interview) => ({
          id: interview.id,
          ...toInterval(interview),
          status: interview.status,
          ...(interview.reference ? { reference: interview.reference } : {}),
          ...(interview.outlet ? { outlet: interview.outlet } : {}),
        })),
      holds: person.holds
        .filter(overlaps)
        .sort(byStart)
        .map((hold) => ({ requestId: hold.requestId, reference: hold.reference, ...toInterval(hold) })),
      calendarBusy: (person.calendarBusy ?? [])
        .filter(overlaps)
        .sort(byStart)
        .map((busy) => ({ calendar: busy.calendar, ...toInterval(busy) })),
    })),
  };
}
