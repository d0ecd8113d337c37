// Runs the independent reader (tests/support/calendars/busy-reader.py: Debian's
// python3-icalendar and python3-recurring-ical-events) over fixture files.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const CALENDAR_FIXTURES = fileURLToPath(new URL('.', import.meta.url));

/** Busy intervals `[startMs, endMs]` of these fixture files, sorted, as python computes them. */
export function independentBusy(options: { timeZone: string; from: Date; to: Date; files: string[] }): [number, number][] {
  const output = execFileSync('/usr/bin/python3', [join(CALENDAR_FIXTURES, 'busy-reader.py'), options.timeZone, options.from.toISOString(), options.to.toISOString(), ...options.files.map((file) => join(CALENDAR_FIXTURES, file))], { encoding: 'utf8' });
  return JSON.parse(output) as [number, number][];
}
