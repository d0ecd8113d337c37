import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { formatLocalTimeNow, zoneCity } from '../time';
import { onLinkClick } from '../router';
import { languageName } from '../components/interview-options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { usePageTitle } from '../components/page-title';
import { offeredOptions, TopicSearch } from './topic-search';
import { OfficeProfileCard, useOfficeProfile } from './office-profile';
import { NewsroomContact } from './newsroom-contact';


export function HomePage() {
  const { t, locale } = useI18n();
  usePageTitle(t('home.title'));
  const spokespeople = useQuery(() => api.spokespeople.list.query(), []);
  const releases = useQuery(() => api.releases.list.query(), []);
  const office = useOfficeProfile();
  // The topic search offers the languages and formats someone actually offers.
  const { languages, formats } = offeredOptions(spokespeople.status === 'ready' ? spokespeople.data : []);
  return (
    <>
      <h1>{t('home.heading')}{office ? <>: {office.name}</> : null}</h1>
      <p className="lede">{t('home.lede')}</p>
      {office && <OfficeProfileCard office={office} />}
      <section aria-labelledby="releases-heading">
        <h2 id="releases-heading">{t('home.releases')}</h2>
        <Loaded state={releases} label={t('home.releasesWhat')}>
          {(data) =>
            data.length === 0 ? (
              <p>{t('home.noReleases')}</p>
            ) : (
              <ul className="list">
                {data.map((release) => (
                  <li key={release.id}>
                    <a href={`/releases/${release.slug}`} onClick={onLinkClick}>
                      {release.title}
                    </a>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <TopicSearch languages={languages} formats={formats} />
      <section aria-labelledby="spokespeople-heading">
        <h2 id="spokespeople-heading">{t('home.spokespeople')}</h2>
        <Loaded state={spokespeople} label={t('topic.what')}>
          {(data) =>
            data.length === 0 ? (
              <p>{t('home.noSpokespeople')}</p>
            ) : (
              <ul className="cards" aria-label={t('home.spokespeopleList')}>
                {data.map((person) => (
                  <li key={person.id} className="card">
                    <h3>{person.name}</h3>
                    <p className="title">{person.title}</p>
                    <p>
                      <span className="label">{t('home.languages')}</span> {person.languages.map((tag) => languageName(tag, locale)).join(', ')}
                    </p>
                    <p>
                      <span className="label">{t('home.topics')}</span> {person.topics.join(', ')}
                    </p>
                    <p>
                      <span className="label">{t('home.formats')}</span> {person.formats.map((format) => t(`format.${format}` as MessageKey)).join(', ')}
                    </p>
                    <p>
                      <span className="label">{t('home.localTime')}</span> {t('home.localTimeValue', { time: formatLocalTimeNow(person.timeZone, new Date(), locale), city: zoneCity(person.timeZone) })}
                    </p>
                    <a className="button" href={`/book/${person.slug}`} onClick={onLinkClick}>
                      {t('home.request')}<span className="visually-hidden"> {t('home.withPerson', { name: person.name })}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <NewsroomContact />
    </>
  );
}
