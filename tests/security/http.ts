// Plain-HTTP helpers for the security suite: answers as they come (status,
// headers, body), never thrown, so tests can count what a burst got.

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One tRPC call over HTTP: a query as GET, a mutation as POST with a JSON body. */
export async function callOver(base: string, procedure: string, input: unknown, options: { query?: boolean; headers?: Record<string, string>; cookie?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  const response = options.query
    ? await fetch(`${base}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
    : await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an .ics, a CSV): keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** The session cookie (name=value) a login answer set. */
export function sessionCookieOf(answer: Answer): string {
  const cookie = /desk_session=[^;]+/.exec(answer.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`no session cookie in the answer (${answer.status}: ${JSON.stringify(answer.body)})`);
  return cookie;
}

/** The appCode of an error answer, 'ok' for a result. */
export function outcomeOf(answer: Answer): string {
  return answer.status < 400 ? 'ok' : (answer.body?.error?.data?.appCode ?? `HTTP ${answer.status}`);
}
