// The booking page's two queries, started as early as the app can: main.tsx
// imports this module first, so the request leaves once the tRPC client is
// evaluated, before React and the rest of the bundle are (tens to hundreds of
// milliseconds on a slow phone). BookPage adopts the answers if it asks the
// same questions; anything else is asked afresh.
import { api } from '../api/trpc';
import { localDate, wallTimeToInstant } from '../time';
import { addMonths, monthOf } from './calendar-dates';
import { rememberedTimeZone } from './preferences';

const HOUR = 3_600_000;

// Whole hours, so reporters opening the picker in the same hour ask the same question (cached answers).
const startOfHour = (instant: number) => Math.floor(instant / HOUR) * HOUR;

/** The instants a month of the reporter's calendar covers, from now at the earliest. */
export function monthWindow(month: string, timeZone: string, now: number) {
  const from = Math.max(startOfHour(now), Date.parse(wallTimeToInstant(`${month}-01T00:00`, timeZone)));
  const to = Date.parse(wallTimeToInstant(`${addMonths(month, 1)}-01T00:00`, timeZone));
  return { from, to: Math.max(to, from + HOUR) };
}

export const personQuery = (idOrSlug: string) => api.spokespeople.get.query({ id: idOrSlug });
export const slotsQuery = (idOrSlug: string, window: { from: number; to: number }, timeZone: string, duration: number | undefined) =>
  api.availability.slots.query({ spokespersonId: idOrSlug, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), timeZone, ...(duration ? { duration } : {}) });

export const startedEarly = new Map<string, Promise<unknown>>();
export function adoptOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
  const started = startedEarly.get(key) as Promise<T> | undefined;
  startedEarly.delete(key);
  return started ?? load();
}
export const slotsKey = (idOrSlug: string, window: { from: number; to: number }, timeZone: string, duration: number | undefined) => `slots|${idOrSlug}|${window.from}|${window.to}|${timeZone}|${duration ?? ''}`;
function startBookingQueriesEarly() {
  const match = /^\/(?:embed\/)?book\/([^/]+)$/.exec(window.location.pathname);
  if (!match) return;
  let idOrSlug: string;
  try {
    idOrSlug = decodeURIComponent(match[1]!);
  } catch {
    return; // a malformed address: the page itself says so
  }
  const timeZone = rememberedTimeZone();
  const now = Date.now();
  const window_ = monthWindow(monthOf(localDate(new Date(now).toISOString(), timeZone)), timeZone, now);
  const early = [
    [`person|${idOrSlug}`, personQuery(idOrSlug)],
    [slotsKey(idOrSlug, window_, timeZone, undefined), slotsQuery(idOrSlug, window_, timeZone, undefined)],
  ] as const;
  for (const [key, promise] of early) {
    promise.catch(() => {}); // reported when BookPage adopts it
    startedEarly.set(key, promise);
  }
}
startBookingQueriesEarly();

