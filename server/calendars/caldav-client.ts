// The one adapter around tsdav: discovery of a CalDAV account's calendars, and
// reading one calendar's events in a time range, writing and deleting one
// event (write-back of confirmed interviews). Every request goes through
// guardedFetch, so an authentication failure or a server error is an error,
// never an empty calendar.
import { createAccount, deleteObject, fetchCalendarObjects, fetchCalendars, getBasicAuthHeaders, isCollectionDirty, updateObject } from 'tsdav';
import { guardedFetch, SyncFailure } from './sync-failure';

export interface CalDavCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

export interface DiscoveredCalendar {
  url: string;
  name: string;
}

function headersOf(credentials: CalDavCredentials) {
  return getBasicAuthHeaders({ username: credentials.username, password: credentials.password });
}

/** The account's calendars that hold events (VEVENT), by discovery from the server URL. */
export async function discoverCalendars(credentials: CalDavCredentials): Promise<DiscoveredCalendar[]> {
  const headers = headersOf(credentials);
  try {
    const account = await createAccount({ account: { serverUrl: credentials.serverUrl, accountType: 'caldav' }, headers, fetch: guardedFetch });
    const calendars = await fetchCalendars({ account, headers, fetch: guardedFetch });
    return calendars
      .filter((calendar) => !calendar.components || calendar.components.includes('VEVENT'))
      .map((calendar) => ({ url: calendar.url, name: typeof calendar.displayName === 'string' && calendar.displayName ? calendar.displayName : new URL(calendar.url).pathname }));
  } catch (error) {
    throw asSyncFailure(error);
  }
}

/**
 * One calendar's iCalendar objects overlapping `[from, to)` (a calendar-query
 * REPORT with a time-range filter), unless its ctag still equals `ctag`: then
 * one PROPFIND was all it cost and `unchanged` is true.
 */
export async function readCalDavCalendar(
  credentials: CalDavCredentials,
  options: { url: string; ctag?: string | null; from: Date; to: Date },
): Promise<{ unchanged: true; ctag: string | null } | { unchanged: false; ctag: string | null; objects: string[] }> {
  const headers = headersOf(credentials);
  try {
    let ctag: string | null = null;
    if (options.ctag) {
      const dirty = await isCollectionDirty({ collection: { url: options.url, ctag: options.ctag }, headers, fetch: guardedFetch });
      if (!dirty.isDirty) return { unchanged: true, ctag: options.ctag };
      ctag = dirty.newCtag || null;
    } else {
      const probe = await isCollectionDirty({ collection: { url: options.url, ctag: '' }, headers, fetch: guardedFetch });
      ctag = probe.newCtag || null;
    }
    const objects = await fetchCalendarObjects({
      calendar: { url: options.url },
      timeRange: { start: options.from.toISOString(), end: options.to.toISOString() },
      // Any member resource, not only names ending in .ics (servers name them as they like).
      urlFilter: (url) => Boolean(url) && !url.endsWith('/'),
      headers,
      fetch: guardedFetch,
    });
    return { unchanged: false, ctag, objects: objects.map((object) => String(object.data ?? '')).filter(Boolean) };
  } catch (error) {
    throw asSyncFailure(error);
  }
}

/** The address of the event with this UID in a calendar: one resource per interview, named after its UID. */
export function eventUrlOf(calendarUrl: string, uid: string): string {
  return new URL(`${encodeURIComponent(uid)}.ics`, calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`).href;
}

/**
 * Creates or replaces the event resource at `url` (a plain PUT, no If-Match:
 * the desk's version of the interview always wins over an edit made in the
 * calendar app). Idempotent.
 */
export async function putCalendarEvent(credentials: CalDavCredentials, options: { url: string; ics: string; signal?: AbortSignal }): Promise<void> {
  try {
    const response = await updateObject({ url: options.url, data: options.ics, headers: { ...headersOf(credentials), 'content-type': 'text/calendar; charset=utf-8' }, fetchOptions: { signal: options.signal }, fetch: guardedFetch });
    // guardedFetch lets other 4xx through (a server refusing the event's content, 412, 415): not written.
    if (!response.ok) throw new SyncFailure('server_error', `HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  } catch (error) {
    throw asSyncFailure(error);
  }
}

/** Deletes the event resource at `url`; one already gone counts as deleted. Idempotent. */
export async function deleteCalendarEvent(credentials: CalDavCredentials, options: { url: string; signal?: AbortSignal }): Promise<void> {
  try {
    const response = await deleteObject({ url: options.url, headers: headersOf(credentials), fetchOptions: { signal: options.signal }, fetch: guardedFetch });
    if (!response.ok) throw new SyncFailure('server_error', `HTTP ${response.status}`);
  } catch (error) {
    if (error instanceof SyncFailure && error.code === 'not_found') return;
    throw asSyncFailure(error);
  }
}

function asSyncFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  // tsdav throws plain errors for answers it cannot read (an HTML page, missing properties).
  return new SyncFailure('malformed', (error as Error).message);
}
