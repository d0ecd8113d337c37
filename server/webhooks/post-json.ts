// One HTTP POST of a JSON body, for webhook and alert deliveries. node:http(s)
// rather than fetch because only they take a `lookup`: the SSRF guard must
// see the address actually connected to (address-policy.ts), not one resolved
// earlier.
import http from 'node:http';
import https from 'node:https';
import { assertLiteralAllowed, guardedLookup } from './address-policy';

/** What the delivery log keeps of an answer. */
export const RESPONSE_EXCERPT_CHARS = 500;
/** Bytes of an answer read at most; the rest is discarded (a receiver cannot make us buffer megabytes). */
const MAX_RESPONSE_BYTES = 16_384;

export interface PostResult {
  status: number;
  excerpt: string;
}

/** A failed attempt, with whatever the receiver answered (for the delivery log). */
export class HttpDeliveryError extends Error {
  constructor(message: string, readonly status?: number, readonly excerpt?: string) {
    super(message);
  }
}

/**
 * POSTs `body` to `url`; resolves with the status and the start of the
 * answer for 2xx, throws HttpDeliveryError otherwise (non-2xx, refused
 * address, network error, abort). Redirects are not followed (a 3xx is a
 * failure): following one would bypass the check made on the saved URL.
 */
export function postJson(options: { url: string; body: string; headers: Record<string, string>; signal: AbortSignal; allowPrivate: boolean }): Promise<PostResult> {
  const url = new URL(options.url);
  return new Promise<PostResult>((resolve, reject) => {
    try {
      if (!options.allowPrivate) assertLiteralAllowed(url);
    } catch (error) {
      return reject(new HttpDeliveryError((error as Error).message));
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'InterviewDesk-Webhooks/1', ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        signal: options.signal,
        ...(options.allowPrivate ? {} : { lookup: guardedLookup as never }),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
          if (status >= 200 && status < 300) resolve({ status, excerpt });
          else reject(new HttpDeliveryError(`The receiver answered HTTP ${status}`, status, excerpt));
        });
        response.on('error', (error) => reject(new HttpDeliveryError(error.message, status(response), undefined)));
      },
    );
    request.on('error', (error) => reject(new HttpDeliveryError(options.signal.aborted ? String((options.signal.reason as Error)?.message ?? 'aborted') : error.message)));
    request.end(options.body);
  });
}

function status(response: http.IncomingMessage): number | undefined {
  return response.statusCode;
}
