import { languageName } from '../components/interview-options';
import { onLinkClick } from '../router';
import type { PublicRelease } from './release-types';

/** "Request an interview" for each spokesperson of a release; under embargo the link carries the preview token. */
export function ReleaseSpokespeople({ release, previewToken }: { release: Pick<PublicRelease, 'id' | 'spokespeople'>; previewToken?: string }) {
  const bookingHref = (slug: string) => `/book/${slug}?release=${encodeURIComponent(release.id)}${previewToken ? `&preview=${encodeURIComponent(previewToken)}` : ''}`;
  return (
    <section aria-labelledby="release-interviews">
      <h2 id="release-interviews">Request an interview</h2>
      {release.spokespeople.length === 0 ? (
        <p>No spokesperson is linked to this release.</p>
      ) : (
        <ul className="cards">
          {release.spokespeople.map((person) => (
            <li key={person.id} className="card">
              <h3>{person.name}</h3>
              <p className="title">{person.title}</p>
              <p>
                <span className="label">Languages:</span> {person.languages.map((tag) => languageName(tag)).join(', ')}
              </p>
              <a className="button" href={bookingHref(person.slug)} onClick={onLinkClick}>
                Request an interview<span className="visually-hidden"> with {person.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
