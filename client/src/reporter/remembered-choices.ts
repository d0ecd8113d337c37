// What a reporter chose on this device (their zone and 12/24-hour clock),
// kept in localStorage so the next visit opens as they left it. Only explicit
// choices are kept: the browser's own zone is read afresh each time. Pure (no
// React): the booking page's first view (first-view/) reads them too.
import { browserTimeZone, currentZoneName, type Clock } from '../time';

export const ZONE_KEY = 'interview-desk:time-zone';
export const CLOCK_KEY = 'interview-desk:clock';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode, a sandboxed frame)
  }
}

export function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies on this page.
  }
}

/** A zone Intl knows, by its current name; null for anything else (a stale or edited value). */
function validZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return currentZoneName(zone);
  } catch {
    return null;
  }
}

/** The zone the reporter last chose here, else the browser's. */
export function rememberedTimeZone(): string {
  return validZone(read(ZONE_KEY)) ?? browserTimeZone();
}

export function rememberedClock(): Clock | undefined {
  const clock = read(CLOCK_KEY);
  return clock === 'h12' || clock === 'h23' ? clock : undefined;
}
