import { useState } from 'react';
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { languageName, primaryLanguages } from '../components/interview-options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { formatDateTime, zoneCity } from '../time';
import { rememberedClock, rememberedTimeZone } from './preferences';
import { onLinkClick } from '../router';
import { formatNames } from '../components/interview-options';
import { embedPath } from './embed-path';

const DAY = 86_400_000;
const WINDOW_DAYS = 14;

type Filters = { topic: string; language: string; format: string };
type Format = 'phone' | 'whatsapp' | 'video' | 'studio' | 'in_person' | 'written';

/** The booking link, carrying the chosen language and format so the slot picker preselects them. */
function bookingHref(slug: string, filters: Filters): string {
  const query = new URLSearchParams();
  if (filters.language) query.set('language', filters.language);
  if (filters.format) query.set('format', filters.format);
  const search = query.toString();
  return embedPath(`/book/${encodeURIComponent(slug)}${search ? `?${search}` : ''}`);
}

/**
 * "Any spokesperson on this topic": who is free soonest, in the reporter's
 * zone, narrowed by interview language and format. The language and format
 * choices are those the press office's spokespeople offer.
 */
export function TopicSearch({ languages, formats, initialTopic }: { languages: string[]; formats: string[]; initialTopic?: string }) {
  const { t, locale } = useI18n();
  // A topic widget (/embed/topic/<topic>) shows who is free on its topic at once.
  const [filters, setFilters] = useState<Filters | null>(initialTopic ? { topic: initialTopic, language: '', format: '' } : null);
  const [timeZone] = useState(rememberedTimeZone);
  const results = useQuery(() => {
    if (!filters) return Promise.resolve(null);
    // Whole hours, so the same search within the hour asks the same question.
    const from = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return api.availability.search.query({
      from: new Date(from).toISOString(),
      to: new Date(from + WINDOW_DAYS * DAY).toISOString(),
      timeZone,
      ...(filters.topic ? { topic: filters.topic } : {}),
      ...(filters.language ? { language: filters.language } : {}),
      ...(filters.format ? { format: filters.format as Format } : {}),
    });
  }, [filters]);
  return (
    <section aria-labelledby="topic-heading">
      <h2 id="topic-heading">{t('topic.heading')}</h2>
      <p>{t('topic.lede', { city: zoneCity(timeZone) })}</p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: string) => String(form.get(name) ?? '').trim();
          setFilters({ topic: value('topic'), language: value('language'), format: value('format') });
        }}
      >
        <div>
          <label htmlFor="topic-search">{t('topic.topic')}</label>
          <input id="topic-search" name="topic" placeholder={t('topic.placeholder')} defaultValue={initialTopic} />
        </div>
        <div>
          <label htmlFor="topic-language">{t('topic.language')}</label>
          <select id="topic-language" name="language" defaultValue="">
            <option value="">{t('topic.anyLanguage')}</option>
            {primaryLanguages(languages).map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag, locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="topic-format">{t('topic.format')}</label>
          <select id="topic-format" name="format" defaultValue="">
            <option value="">{t('topic.anyFormat')}</option>
            {formats.map((format) => (
              <option key={format} value={format}>
                {t(`format.${format}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('topic.submit')}</button>
      </form>
      {filters && (
        <div aria-live="polite">
          <Loaded state={results} label={t('topic.what')}>
            {(data) =>
              !data || data.results.length === 0 ? (
                <p role="status">{t(filters.language || filters.format ? 'topic.nobodyNarrowed' : 'topic.nobody')}</p>
              ) : (
                <ul className="list topic-results" aria-label={t('topic.results')}>
                  {data.results.map((result) => (
                    <li key={result.spokesperson.id}>
                      <a href={bookingHref(result.spokesperson.slug, filters)} onClick={onLinkClick}>
                        {result.spokesperson.name}
                      </a>
                      :{' '}
                      {result.slots[0] ? (
                        t('topic.freeFrom', { when: formatDateTime(result.slots[0].start, timeZone, locale, rememberedClock()), city: zoneCity(timeZone) })
                      ) : (
                        // Nothing in the window: the picker's empty state jumps to the nearest free day.
                        <>{t('topic.noneSoon', { days: WINDOW_DAYS })} <a href={bookingHref(result.spokesperson.slug, filters)} onClick={onLinkClick}>{t('topic.laterDates')}<span className="visually-hidden"> {t('topic.forPerson', { name: result.spokesperson.name })}</span></a></>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </div>
      )}
    </section>
  );
}

/** The languages and formats someone offers, for the topic search's choices. */
export function offeredOptions(people: { languages: string[]; formats: string[] }[]): { languages: string[]; formats: string[] } {
  const offered = new Set(people.flatMap((person) => person.formats));
  return { languages: [...new Set(people.flatMap((person) => person.languages))], formats: Object.keys(formatNames).filter((format) => offered.has(format)) };
}
