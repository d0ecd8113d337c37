// Which addresses webhook and alert deliveries may reach (SSRF guard).
//
// An endpoint URL is chosen by a staff member, but the POST comes from the
// server, inside the organisation's network: without a guard, a URL could
// make the server call its own admin ports, the cloud metadata service
// (169.254.169.254) or anything on the office LAN. So only public unicast
// addresses are allowed, unless the installation says otherwise
// (WEBHOOKS_ALLOW_PRIVATE=1, e.g. a receiver on the same host).
//
// The URL is checked when it is saved (a clear error for the admin) and the
// address is checked again at every connection: the lookup the HTTP client
// uses is wrapped (guardedLookup), so a name that resolved to a public
// address at save time and to 127.0.0.1 later (DNS rebinding) is refused at
// the moment of connecting, with no gap between check and use.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors';

/**
 * True for a public unicast address. ipaddr.js names every special range
 * (loopback, private = RFC 1918, linkLocal, uniqueLocal = fc00::/7,
 * carrierGradeNat = 100.64/10, unspecified, reserved, multicast, …);
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class RefusedAddressError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a loopback, link-local or private address; deliveries there are refused (WEBHOOKS_ALLOW_PRIVATE=1 allows them)`);
  }
}

/** Host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * Checks an endpoint URL before it is saved: http(s), no credentials in it,
 * and (unless private targets are allowed) every address its host resolves to
 * is public. Throws VALIDATION_FAILED with a message for the admin.
 */
export async function assertDeliverableUrl(text: string, options: { allowPrivate: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Enter an absolute URL starting with https:// (or http://).', { details: { field: 'url' } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('VALIDATION_FAILED', 'Only http:// and https:// URLs can receive webhooks.', { details: { field: 'url' } });
  // Credentials in a URL end up in logs and the console; receivers authenticate us by the signature.
  if (url.username || url.password) throw new AppError('VALIDATION_FAILED', 'Leave user name and password out of the URL; receivers check the signature instead.', { details: { field: 'url' } });
  if (options.allowPrivate) return url;
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dnsLookupAsync(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new AppError('VALIDATION_FAILED', `The host ${host} could not be found (DNS); check the URL.`, { details: { field: 'url' } });
    }
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused) throw new AppError('VALIDATION_FAILED', new RefusedAddressError(host, refused).message, { details: { field: 'url' } });
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves as usual and refuses the
 * connection when any address is not public. Node skips `lookup` for IP
 * literals, so callers check those with assertLiteralAllowed first.
 */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(Object.assign(new RefusedAddressError(hostname, refused.address), { code: 'EREFUSEDADDRESS' }), []);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** For a URL whose host is an IP literal: throws RefusedAddressError unless it is public. */
export function assertLiteralAllowed(url: URL): void {
  const host = hostOf(url);
  if (isIP(host) && !isPublicAddress(host)) throw new RefusedAddressError(host, host);
}
