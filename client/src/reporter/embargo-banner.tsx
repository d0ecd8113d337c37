// "Embargoed until 22 November 2020, 15:01 in your time zone (Los Angeles,
// PST) — 23 November 2020, 00:01 in Zurich (CET)": the instant in the reader's
// zone first, the office's beside it, each named; and the terms to respect.
import { zoneAbbreviation } from '../components/zone-abbreviation';
import { browserTimeZone, zoneCity } from '../time';

function dateTimeIn(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The embargo sentence for a reader in `viewerZone`, with the office's zone beside it. */
export function embargoText(iso: string, viewerZone: string, officeZone: string): string {
  const instant = new Date(iso);
  const yours = `${dateTimeIn(iso, viewerZone)} in your time zone (${zoneCity(viewerZone)}, ${zoneAbbreviation(viewerZone, instant)})`;
  if (viewerZone === officeZone) return `Embargoed until ${yours}`;
  return `Embargoed until ${yours} — ${dateTimeIn(iso, officeZone)} in ${zoneCity(officeZone)} (${zoneAbbreviation(officeZone, instant)})`;
}

export function EmbargoBanner({ embargoUntil, terms, officeZone }: { embargoUntil: string; terms: string; officeZone: string }) {
  return (
    <section className="card embargo-banner" aria-labelledby="embargo-heading">
      <h2 id="embargo-heading">Under embargo</h2>
      <p>
        <strong>
          <time dateTime={embargoUntil}>{embargoText(embargoUntil, browserTimeZone(), officeZone)}</time>
        </strong>
      </p>
      {terms && (
        <p>
          <span className="label">Embargo terms:</span> {terms}
        </p>
      )}
      <p className="meta">Do not publish or share this release before then. Interviews requested now are marked as under embargo.</p>
    </section>
  );
}
