// The reporter's zone and clock as React state, remembered on this device (remembered-choices.ts).
import { useCallback, useState } from 'react';
import type { Clock } from '../time';
import { CLOCK_KEY, ZONE_KEY, rememberedClock, rememberedTimeZone, write } from './remembered-choices';

export { rememberedClock, rememberedTimeZone };

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
