// A release as the public sees it: used by the embargoed preview page and by
// the console's preview, so what the press officer checks is what readers get.
import { useI18n } from '../i18n/i18n';
import { EmbargoBanner } from './embargo-banner';
import { PressContactBlock } from './press-contact-block';
import { ReleaseBody } from './release-body';
import { ReleaseSpokespeople } from './release-spokespeople';
import type { PublicRelease, ReleaseContact } from './release-types';

/**
 * "31 October 2020 at 09:00 CET" in the reader's zone and locale, named. (dateStyle and
 * timeZoneName cannot be combined in Intl: that threw and blanked the page.)
 */
export function publishedText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** The page that takes interview requests for a release, absolute. */
export function releaseBookingUrl(release: Pick<PublicRelease, 'slug'>, origin = window.location.origin) {
  return `${origin}/releases/${release.slug}#release-interviews`;
}

/** The instant the release is dated by: its embargo if any, else its publication. */
export function releaseDate(release: Pick<PublicRelease, 'embargoUntil' | 'publishedAt'>): Date {
  return new Date(release.embargoUntil ?? release.publishedAt ?? Date.now());
}

export function ReleaseArticle(props: {
  release: Omit<PublicRelease, 'pressContact'>;
  contact: ReleaseContact | null;
  officeName?: string;
  officeZone: string;
  underEmbargo: boolean;
  previewToken?: string;
  headingLevel?: 1 | 2;
}) {
  const { t, locale } = useI18n();
  const { release, contact } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h1';
  return (
    <article className="release">
      {props.underEmbargo && release.embargoUntil && <EmbargoBanner embargoUntil={release.embargoUntil} terms={release.embargoTerms} officeZone={props.officeZone} />}
      {props.officeName && <p className="meta">{t('office.from')} {props.officeName}</p>}
      <Heading>{release.title}</Heading>
      {release.publishedAt && !props.underEmbargo && (
        <p className="meta">
          {t('release.published')} <time dateTime={release.publishedAt}>{publishedText(release.publishedAt, locale)}</time>
        </p>
      )}
      <ReleaseBody release={release} />
      <ReleaseSpokespeople release={release} previewToken={props.previewToken} />
      {/* Under embargo the public page does not exist yet: the block's booking link stays on this preview. */}
      {contact && <PressContactBlock contact={contact} date={releaseDate(release)} bookingUrl={props.previewToken ? `${window.location.origin}/preview/${props.previewToken}#release-interviews` : releaseBookingUrl(release)} />}
    </article>
  );
}
