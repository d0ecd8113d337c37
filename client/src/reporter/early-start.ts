// The booking page's two queries, started as early as the app can: main.tsx
// imports this module first, so the request leaves before React and the rest of
// the bundle are evaluated and before the first render (tens to hundreds of
// milliseconds on a slow phone). It is sent with fetch, as the one batched GET
// the tRPC client would send (same URL, same answer): the client's batching
// link waits for the next tick, which comes only after the whole bundle has
// run. BookPage adopts the answers if it asks the same questions; anything
// else, and any early answer that is not a result (an error, a network
// failure), is asked afresh through the tRPC client, which reports it as usual.
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
const slotsInput = (idOrSlug: string, window: { from: number; to: number }, timeZone: string, duration: number | undefined) => ({
  spokespersonId: idOrSlug,
  from: new Date(window.from).toISOString(),
  to: new Date(window.to).toISOString(),
  timeZone,
  ...(duration ? { duration } : {}),
});
export const slotsQuery = (idOrSlug: string, window: { from: number; to: number }, timeZone: string, duration: number | undefined) =>
  api.availability.slots.query(slotsInput(idOrSlug, window, timeZone, duration));

export const startedEarly = new Map<string, Promise<unknown>>();
export function adoptOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
  const started = startedEarly.get(key) as Promise<T> | undefined;
  startedEarly.delete(key);
  return started ? started.catch(load) : load();
}

/**
 * Queries as one batched GET, the request tRPC's httpBatchLink makes for them
 * (`/trpc/a,b?batch=1&input={"0":…,"1":…}`), sent now; each promise is that
 * query's `result.data`, and rejects when its entry is anything else.
 */
function fetchBatchNow(calls: { path: string; input: unknown }[]): Promise<unknown>[] {
  const input = JSON.stringify(Object.fromEntries(calls.map((call, index) => [index, call.input])));
  const answers = fetch(`/trpc/${calls.map((call) => call.path).join(',')}?batch=1&input=${encodeURIComponent(input)}`, { credentials: 'same-origin' })
    .then((response) => response.json() as Promise<unknown>)
    .then((body) => (Array.isArray(body) ? (body as { result?: { data?: unknown } }[]) : []));
  return calls.map((_, index) =>
    answers.then((entries) => {
      const entry = entries[index];
      if (!entry?.result || !('data' in entry.result)) throw new Error('no early answer');
      return entry.result.data;
    }),
  );
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
  const [person, slots] = fetchBatchNow([
    { path: 'spokespeople.get', input: { id: idOrSlug } },
    { path: 'availability.slots', input: slotsInput(idOrSlug, window_, timeZone, undefined) },
  ]);
  const early = [
    [`person|${idOrSlug}`, person!],
    [slotsKey(idOrSlug, window_, timeZone, undefined), slots!],
  ] as const;
  for (const [key, promise] of early) {
    promise.catch(() => {}); // reported when BookPage adopts it
    startedEarly.set(key, promise);
  }
}
startBookingQueriesEarly();

