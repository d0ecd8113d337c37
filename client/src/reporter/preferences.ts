// What a reporter chose on this device (their zone and 12/24-hour clock),
// kept in localStorage so the next visit opens as they left it. Only explicit
// choices are kept: the browser's own zone is read afresh each time.
import { useCallback, useState } from 'react';
import { browserTimeZone, currentZoneName, type Clock } from '../time';

const ZONE_KEY = 'interview-desk:time-zone';
const CLOCK_KEY = 'interview-desk:clock';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode, a sandboxed frame)
  }
}

function write(key: string, value: string) {
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

/** [zone, choose] — choosing remembers it on this device. */
export function useTimeZonePreference(): [string, (zone: string) => void] {
  const [zone, setZone] = useState(rememberedTimeZone);
  const choose = useCallback((next: string) => {
    write(ZONE_KEY, next);
    setZone(next);
  }, []);
  return [zone, choose];
}

/** [clock, choose]: undefined until chosen (the locale's habit applies). */
export function useClockPreference(): [Clock | undefined, (clock: Clock) => void] {
  const [clock, setClock] = useState(rememberedClock);
  const choose = useCallback((next: Clock) => {
    write(CLOCK_KEY, next);
    setClock(next);
  }, []);
  return [clock, choose];
}
