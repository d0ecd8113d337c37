// What the server puts in a booking page's HTML for its first view
// (server/http/booking-first-view.ts writes it, first-view.ts draws it, and
// hand-over.ts gives the page to React). Types and names only: both sides
// import this file.
import type { Language } from '../../i18n/language';

/** The element holding the data: `<script type="application/json" id=…>`. */
export const FIRST_VIEW_DATA_ID = 'first-view-data';
/** The element the first view is drawn in, just before React's #root. */
export const FIRST_VIEW_ID = 'first-view';
/** On FIRST_VIEW_ID: the start (epoch ms) of a time the reporter chose before React took over. */
export const FIRST_VIEW_CHOICE_ATTRIBUTE = 'data-chosen-start';

/**
 * The texts of the first view in the page's language, formatted by the server
 * from the reporter catalogue. What depends on the reporter's zone is left as
 * a placeholder for the browser: `{city}`, `{day}` and `{time}`.
 */
export interface FirstViewTexts {
  /** The document's whole title, site name included. */
  title: string;
  skip: string;
  languageLabel: string;
  pressOffice: string;
  heading: string;
  lede: string;
  optionsSummary: string;
  /** `{city} time` */
  zoneTime: string;
  clock12: string;
  clock24: string;
  /** "30 minutes": the spokesperson's default length, the one the page starts with. */
  minutes: string;
  /** `Free times, {city} time` */
  freeTimes: string;
  /** `{day}: free times, {city} time` */
  dayTimes: string;
  previousMonth: string;
  nextMonth: string;
  free: string;
  notFree: string;
  calendarHelp: string;
  /** `Free times on {day}` */
  listLabel: string;
  /** `{time} in Zurich` */
  theirTime: string;
  /** `{time} in Zurich ({day})` */
  theirTimeOtherDay: string;
}

export interface FirstViewData {
  /** The language the texts are in: the browser's first language we have (Accept-Language), or `?lang=`. */
  language: Language;
  spokesperson: { timeZone: string; horizonDays: number };
  durationMinutes: number;
  /** Starts of the free times (epoch minutes), from the current hour over FIRST_VIEW_DAYS days: every zone's current month. */
  starts: number[];
  texts: FirstViewTexts;
}

/** Enough days for the rest of the current month in any zone (31 days, plus 14 hours ahead of UTC). */
export const FIRST_VIEW_DAYS = 33;
