// One booked time in the three zones that matter to the desk: the viewer's,
// the spokesperson's and the reporter's (DESIGN.md rule 1: every time says its zone).
import { formatDateTime, formatTime, zoneCity } from '../time';
import './three-zones.css';

export interface ZonedPerson {
  name: string;
  timeZone: string;
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 22 Mar, 15:00 – 15:30 CET" in a zone (start and end time when the browser cannot format ranges). */
export function formatSpan(start: string, end: string | undefined, timeZone: string): string {
  if (!end) return formatDateTime(start, timeZone);
  let format = rangeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    rangeFormats.set(timeZone, format);
  }
  if (typeof format.formatRange === 'function') return format.formatRange(new Date(start), new Date(end));
  return `${formatDateTime(start, timeZone)} to ${formatTime(end, timeZone)}`;
}

/**
 * A list of the time in each zone, labelled by whose it is. Zones are shown
 * even when two coincide, so the reader never has to infer one.
 */
export function ThreeZones({ start, end, viewerZone, spokesperson, reporter, label }: { start: string; end?: string; viewerZone: string; spokesperson: ZonedPerson | null; reporter: ZonedPerson; label?: string }) {
  const rows = [
    { who: `Your time (${zoneCity(viewerZone)})`, zone: viewerZone },
    ...(spokesperson ? [{ who: `${spokesperson.name}’s time (${zoneCity(spokesperson.timeZone)})`, zone: spokesperson.timeZone }] : []),
    { who: `${reporter.name}’s time, the reporter (${zoneCity(reporter.timeZone)})`, zone: reporter.timeZone },
  ];
  return (
    <dl className="three-zones" aria-label={label}>
      {rows.map((row) => (
        <div key={row.who}>
          <dt>{row.who}</dt>
          <dd>{formatSpan(start, end, row.zone)}</dd>
        </div>
      ))}
    </dl>
  );
}
