import { languageName } from '../components/interview-options';
import { useI18n } from '../i18n/i18n';
import { embedPath } from './embed-path';
import { onLinkClick } from '../router';
import type { PublicRelease } from './release-types';

/** "Request an interview" for each spokesperson of a release; under embargo the link carries the preview token. */
export function ReleaseSpokespeople({ release, previewToken }: { release: Pick<PublicRelease, 'id' | 'spokespeople'>; previewToken?: string }) {
  const { t, locale } = useI18n();
  const bookingHref = (slug: string) => embedPath(`/book/${slug}?release=${encodeURIComponent(release.id)}${previewToken ? `&preview=${encodeURIComponent(previewToken)}` : ''}`);
  return (
    <section aria-labelledby="release-interviews">
      <h2 id="release-interviews">{t('home.request')}</h2>
      {release.spokespeople.length === 0 ? (
        <p>{t('release.noSpokesperson')}</p>
      ) : (
        <ul className="cards">
          {release.spokespeople.map((person) => (
            <li key={person.id} className="card">
              <h3>{person.name}</h3>
              <p className="title">{person.title}</p>
              <p>
                <span className="label">{t('home.languages')}</span> {person.languages.map((tag) => languageName(tag, locale)).join(', ')}
              </p>
              <a className="button" href={bookingHref(person.slug)} onClick={onLinkClick}>
                {t('home.request')}<span className="visually-hidden"> {t('home.withPerson', { name: person.name })}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
