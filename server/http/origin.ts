/**
 * Whether a state-changing request may proceed, judged by its Origin header.
 * Browsers send Origin on every cross-site POST, so a foreign Origin means
 * another site is driving the user's browser (CSRF): refuse it. Allowed are
 * the PUBLIC_URL origin and the origin of the Host the request was sent to
 * (same-origin use through another name, e.g. 127.0.0.1 instead of localhost).
 * No Origin at all is allowed: that is curl or a server-side client, which
 * carry no ambient browser cookies to abuse.
 */
export function isAllowedOrigin(options: { origin: string | null; host: string | null; publicUrl: string }): boolean {
  if (!options.origin) return true;
  if (options.origin === 'null') return false;
  let origin: URL;
  try {
    origin = new URL(options.origin);
  } catch {
    return false;
  }
  if (origin.origin === new URL(options.publicUrl).origin) return true;
  return options.host !== null && origin.host === options.host.toLowerCase();
}
