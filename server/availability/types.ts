/**
 * Types of the pure availability engine. Every instant is epoch milliseconds (UTC by definition);
 * every wall-clock value is local to the spokesperson's IANA zone. No database types here: the
 * caller maps rows to these shapes, so the engine stays trivially unit-testable.
 */

/** `'HH:mm'`, 00:00–23:59. As the end of a range `'24:00'` is also allowed, meaning end of the day. */
export type WallTime = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A wall-clock range on one local date. `end <= start` means it ends on the next local date. */
export interface WallRange {
  start: WallTime;
  end: WallTime;
}

/**
 * A recurring range, e.g. Monday 09:00–12:00. `weekday` is the weekday in the spokesperson's zone.
 * `end <= start` is an overnight range (22:00–02:00) that ends on the next local date; note that
 * this makes `09:00–09:00` a 24-hour range, not an empty one.
 */
export interface WeeklyRule extends WallRange {
  weekday: IsoWeekday;
}

/** Replaces the weekly ranges of one local date; `ranges: []` means unavailable that day. */
export interface DateOverride {
  /** `YYYY-MM-DD`, local to the spokesperson's zone. */
  date: string;
  ranges: WallRange[];
}

/** Half-open interval of instants `[start, end)`. */
export interface BusyInterval {
  start: number;
  end: number;
}

/** A busy time from one of the spokesperson's calendars, with the calendar's name (for EXTERNAL_CONFLICT). */
export interface CalendarBusyInterval extends BusyInterval {
  calendar: string;
}

/** An interview or hold with the buffers recorded when it was booked (if any). */
export interface BufferedInterval extends BusyInterval {
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
}

/** A confirmed interview or a pending hold. */
export interface Booking extends BufferedInterval {
  /** `false` for holds that must block the time but not use up the daily cap. Default: counts. */
  countsTowardCap?: boolean;
  /** Where it comes from (`interview:<id>` or `hold:<request id>`), so a booking check can leave out the record it moves. The engine ignores it. */
  source?: string;
}

export interface ComputeFreeSlotsOptions {
  /** Spokesperson's IANA zone (already validated at the boundary). */
  timeZone: string;
  weeklyRules: WeeklyRule[];
  overrides: DateOverride[];
  /** Absolute instants the spokesperson is away. */
  timeOff: BusyInterval[];
  /** Busy times read from the spokesperson's own calendars (server/calendars/); block slots like time off. */
  calendarBusy?: CalendarBusyInterval[];
  /** Confirmed interviews and pending holds; own buffers if recorded, else the buffers below apply. */
  bookings: Booking[];
  durationMinutes: number;
  stepMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  /** Max interviews starting on one local date in the spokesperson's zone; `null` = no cap. */
  maxPerDay: number | null;
  /** Slots must start before `now + horizonDays * 24h`. */
  horizonDays: number;
  now: number;
  /** Window `[from, to)`: slots start at or after `from` and end at or before `to`. */
  from: number;
  to: number;
}

export interface FreeSlot {
  start: number;
  end: number;
  /** Spokesperson's local date of `start`, `YYYY-MM-DD`. */
  localDate: string;
}

export interface FormatSlotsOptions {
  /** Zone the slots are shown in (the reporter's or a press officer's). */
  viewerTimeZone: string;
  spokespersonTimeZone: string;
}

/** A slot as shown to people: both ends in both zones, ISO 8601 with numeric offset. */
export interface FormattedSlot {
  /** e.g. `2027-03-22T10:00:00-04:00` (viewer's offset). */
  start: string;
  end: string;
  /** Viewer's local date of `start`, `YYYY-MM-DD`. */
  viewerDate: string;
  spokesperson: {
    start: string;
    end: string;
    /** Spokesperson's local date of `start`. */
    date: string;
    timeZone: string;
  };
}
