// Reads a calendar feed (Google's or Outlook's secret iCal address, any
// webcal:// or https:// ICS) with a conditional GET, so an unchanged feed is a
// 304 with no body.
import { guardedFetch, SyncFailure } from './sync-failure';

/** Feeds larger than this are refused rather than parsed (a year of a busy calendar is far smaller). */
const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** webcal:// is https:// by another name (Apple's scheme for subscriptions). */
export function feedHttpUrl(url: string): string {
  return url.replace(/^webcals?:\/\//i, 'https://');
}

export async function fetchFeed(options: { url: string; etag?: string | null; lastModified?: string | null }): Promise<{ unchanged: true } | { unchanged: false; text: string; etag: string | null; lastModified: string | null }> {
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const response = await guardedFetch(feedHttpUrl(options.url), { headers });
  if (response.status === 304) return { unchanged: true };
  if (!response.ok) throw new SyncFailure('server_error', `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) throw new SyncFailure('malformed', 'the feed is too large');
  const text = await response.text();
  if (text.length > MAX_FEED_BYTES) throw new SyncFailure('malformed', 'the feed is too large');
  return { unchanged: false, text, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}
