// A local HTTP server serving calendar feeds as Google and Outlook do (ETag,
// Last-Modified, 304 on a matching If-None-Match), plus failure modes.
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALENDAR_FIXTURES } from './independent-reader';

export interface FeedServer {
  url: string;
  /** What each path serves: iCalendar text, or `{ html }` for a login page, or `{ status }`. */
  feeds: Map<string, string | { html: string } | { status: number }>;
  /** Requests per path, and how many were answered 304. */
  hits: Map<string, { total: number; notModified: number }>;
  close(): Promise<void>;
}

export function fixture(file: string): string {
  return readFileSync(join(CALENDAR_FIXTURES, file), 'utf8');
}

export async function startFeedServer(): Promise<FeedServer> {
  const feeds: FeedServer['feeds'] = new Map();
  const hits: FeedServer['hits'] = new Map();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const count = hits.get(path) ?? { total: 0, notModified: 0 };
    hits.set(path, count);
    count.total++;
    const served = feeds.get(path);
    if (served === undefined) return void response.writeHead(404).end('not found');
    if (typeof served === 'object' && 'status' in served) return void response.writeHead(served.status).end('error');
    if (typeof served === 'object') return void response.writeHead(200, { 'content-type': 'text/html' }).end(served.html);
    const etag = `"${createHash('sha256').update(served).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      count.notModified++;
      return void response.writeHead(304, { etag }).end();
    }
    response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag, 'last-modified': new Date('2027-01-01T00:00:00Z').toUTCString() }).end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    feeds,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
