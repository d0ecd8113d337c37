// A release as the public sees it: used by the embargoed preview page and by
// the console's preview, so what the press officer checks is what readers get.
import { EmbargoBanner } from './embargo-banner';
import { PressContactBlock } from './press-contact-block';
import { ReleaseBody } from './release-body';
import { ReleaseSpokespeople } from './release-spokespeople';
import type { PublicRelease, ReleaseContact } from './release-types';

function publishedText(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
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
  const { release, contact } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h1';
  return (
    <article className="release">
      {props.underEmbargo && release.embargoUntil && <EmbargoBanner embargoUntil={release.embargoUntil} terms={release.embargoTerms} officeZone={props.officeZone} />}
      {props.officeName && <p className="meta">From {props.officeName}</p>}
      <Heading>{release.title}</Heading>
      {release.publishedAt && !props.underEmbargo && (
        <p className="meta">
          Published <time dateTime={release.publishedAt}>{publishedText(release.publishedAt)}</time>
        </p>
      )}
      <ReleaseBody release={release} />
      <ReleaseSpokespeople release={release} previewToken={props.previewToken} />
      {/* Under embargo the public page does not exist yet: the block's booking link stays on this preview. */}
      {contact && <PressContactBlock contact={contact} date={releaseDate(release)} bookingUrl={props.previewToken ? `${window.location.origin}/preview/${props.previewToken}#release-interviews` : releaseBookingUrl(release)} />}
    </article>
  );
}
