// "Embargoed until 22 November 2020, 15:01 in your time zone (Los Angeles,
// PST) — 23 November 2020, 00:01 in Zurich (CET)": the instant in the reader's
// zone first, the office's beside it, each named, in the page's language; and
// the terms to respect.
import { zoneAbbreviation } from '../components/zone-abbreviation';
import { useI18n, type Translate } from '../i18n/i18n';
import { browserTimeZone, zoneCity } from '../time';

function dateTimeIn(iso: string, timeZone: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The embargo sentence for a reader in `viewerZone`, with the office's zone beside it. */
export function embargoText(iso: string, viewerZone: string, officeZone: string, t: Translate, locale: string): string {
  const instant = new Date(iso);
  const yours = { when: dateTimeIn(iso, viewerZone, locale), city: zoneCity(viewerZone), abbreviation: zoneAbbreviation(viewerZone, instant) };
  if (viewerZone === officeZone) return t('embargo.until', yours);
  return t('embargo.untilBoth', { ...yours, officeWhen: dateTimeIn(iso, officeZone, locale), officeCity: zoneCity(officeZone), officeAbbreviation: zoneAbbreviation(officeZone, instant) });
}

export function EmbargoBanner({ embargoUntil, terms, officeZone }: { embargoUntil: string; terms: string; officeZone: string }) {
  const { t, locale } = useI18n();
  return (
    <section className="card embargo-banner" aria-labelledby="embargo-heading">
      <h2 id="embargo-heading">{t('embargo.heading')}</h2>
      <p>
        <strong>
          <time dateTime={embargoUntil}>{embargoText(embargoUntil, browserTimeZone(), officeZone, t, locale)}</time>
        </strong>
      </p>
      {terms && (
        <p>
          <span className="label">{t('embargo.terms')}</span> {terms}
        </p>
      )}
      <p className="meta">{t('embargo.note')}</p>
    </section>
  );
}
