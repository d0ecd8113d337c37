import { useState } from 'react';
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { formatName, languageName, primaryLanguages } from '../components/interview-options';
import { browserTimeZone, formatDateTime, zoneCity } from '../time';
import { onLinkClick } from '../router';

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
  return `/book/${encodeURIComponent(slug)}${search ? `?${search}` : ''}`;
}

/**
 * "Any spokesperson on this topic": who is free soonest, in the reporter's
 * zone, narrowed by interview language and format. The language and format
 * choices are those the press office's spokespeople offer.
 */
export function TopicSearch({ languages, formats }: { languages: string[]; formats: string[] }) {
  const [filters, setFilters] = useState<Filters | null>(null);
  const [timeZone] = useState(browserTimeZone);
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
      <h2 id="topic-heading">Anyone on a topic</h2>
      <p>Find who can speak on your topic, in your language and format, soonest free first. Times are in your time zone ({zoneCity(timeZone)}).</p>
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
          <label htmlFor="topic-search">Topic</label>
          <input id="topic-search" name="topic" placeholder="e.g. cluster munitions" />
        </div>
        <div>
          <label htmlFor="topic-language">Language</label>
          <select id="topic-language" name="language" defaultValue="">
            <option value="">Any language</option>
            {primaryLanguages(languages).map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="topic-format">Format</label>
          <select id="topic-format" name="format" defaultValue="">
            <option value="">Any format</option>
            {formats.map((format) => (
              <option key={format} value={format}>
                {formatName(format)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Find who is free</button>
      </form>
      {filters && (
        <div aria-live="polite">
          <Loaded state={results} label="spokespeople">
            {(data) =>
              !data || data.results.length === 0 ? (
                <p role="status">Nobody covers that topic{filters.language || filters.format ? ' in that language and format' : ''}. Try a broader topic, or any language or format.</p>
              ) : (
                <ul className="list topic-results" aria-label="Spokespeople, soonest free first">
                  {data.results.map((result) => (
                    <li key={result.spokesperson.id}>
                      <a href={bookingHref(result.spokesperson.slug, filters)} onClick={onLinkClick}>
                        {result.spokesperson.name}
                      </a>
                      :{' '}
                      {result.slots[0] ? (
                        `free from ${formatDateTime(result.slots[0].start, timeZone)} (${zoneCity(timeZone)})`
                      ) : (
                        // Nothing in the window: the picker's empty state jumps to the nearest free day.
                        <>no free time in the next {WINDOW_DAYS} days: <a href={bookingHref(result.spokesperson.slug, filters)} onClick={onLinkClick}>see later dates<span className="visually-hidden"> for {result.spokesperson.name}</span></a></>
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
