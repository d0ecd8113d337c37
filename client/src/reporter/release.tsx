import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { languageName } from '../components/interview-options';
import { onLinkClick } from '../router';
import { OfficeContact, useOfficeProfile } from './office-profile';
import { useI18n } from '../i18n/i18n';
import { usePageTitle } from '../components/page-title';
import { ReleaseBody } from './release-body';
import { PressContactBlock } from './press-contact-block';
import { publishedText, releaseBookingUrl, releaseDate } from './release-article';

/** A public press release, with "Request an interview" for each spokesperson linked to it. */
export function ReleasePage({ slug }: { slug: string }) {
  const { t, locale } = useI18n();
  const release = useQuery(() => api.releases.get.query({ slug }), [slug]);
  const office = useOfficeProfile();
  usePageTitle(release.status === 'ready' ? release.data.title : t('release.title'));
  return (
    <Loaded state={release} label={t('release.what')}>
      {(data) => (
        <article>
          <p>
            <a href="/" onClick={onLinkClick}>{t('release.all')}</a>
          </p>
          {office && (
            <p className="meta">
              {t('office.from')} {office.website ? <a href={office.website}>{office.name}</a> : office.name}
            </p>
          )}
          <h1>{data.title}</h1>
          {data.publishedAt && (
            <p className="meta">
              {t('release.published')} <time dateTime={data.publishedAt}>{publishedText(data.publishedAt, locale)}</time>
            </p>
          )}
          <ReleaseBody release={data} />
          <section aria-labelledby="release-interviews">
            <h2 id="release-interviews">{t('home.request')}</h2>
            {data.spokespeople.length === 0 ? (
              <p>
                {t('release.noSpokesperson')} <a href="/" onClick={onLinkClick}>{t('release.findSomeone')}</a>
              </p>
            ) : (
              <ul className="cards">
                {data.spokespeople.map((person) => (
                  <li key={person.id} className="card">
                    <h3>{person.name}</h3>
                    <p className="title">{person.title}</p>
                    <p>
                      <span className="label">{t('home.languages')}</span> {person.languages.map((tag) => languageName(tag, locale)).join(', ')}
                    </p>
                    {person.topics.length > 0 && (
                      <p>
                        <span className="label">{t('home.topics')}</span> {person.topics.join(', ')}
                      </p>
                    )}
                    <a className="button" href={`/book/${person.slug}?release=${encodeURIComponent(data.id)}`} onClick={onLinkClick}>
                      {t('home.request')}<span className="visually-hidden"> {t('home.withPerson', { name: person.name })}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {data.pressContact && <PressContactBlock contact={data.pressContact} date={releaseDate(data)} bookingUrl={releaseBookingUrl(data)} />}
          {!data.pressContact && office?.contact && <OfficeContact contact={office.contact} />}
        </article>
      )}
    </Loaded>
  );
}
