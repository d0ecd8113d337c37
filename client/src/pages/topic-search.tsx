import { useState } from 'react';
import { api } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { browserTimeZone, formatDateTime, zoneCity } from '../time';
import { onLinkClick } from '../router';

/** "Any spokesperson on this topic": who is free soonest, in the reporter's zone. */
export function TopicSearch() {
  const [query, setQuery] = useState<{ topic: string; language: string } | null>(null);
  const timeZone = browserTimeZone();
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const to = new Date(Date.parse(from) + 14 * 86_400_000).toISOString();
  const results = useQuery(
    () => (query ? api.availability.search.query({ from, to, timeZone, ...(query.topic ? { topic: query.topic } : {}), ...(query.language ? { language: query.language } : {}) }) : Promise.resolve(null)),
    [query?.topic, query?.language],
  );
  return (
    <section aria-labelledby="topic-heading">
      <h2 id="topic-heading">Anyone on a topic</h2>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setQuery({ topic: String(form.get('topic') ?? '').trim(), language: String(form.get('language') ?? '').trim() });
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
            <option value="en">English</option>
            <option value="fr">French</option>
            <option value="es">Spanish</option>
            <option value="pl">Polish</option>
          </select>
        </div>
        <button type="submit">Find who is free</button>
      </form>
      {query && (
        <Loaded state={results} label="spokespeople">
          {(data) =>
            !data || data.results.length === 0 ? (
              <p role="status">Nobody covers that topic and language. Try a broader topic.</p>
            ) : (
              <ul className="list" aria-label="Spokespeople, soonest free first">
                {data.results.map((result) => (
                  <li key={result.spokesperson.id}>
                    <a href={`/book/${result.spokesperson.slug}`} onClick={onLinkClick}>{result.spokesperson.name}</a>:{' '}
                    {result.slots[0] ? `free from ${formatDateTime(result.slots[0].start, timeZone)} (${zoneCity(timeZone)})` : 'no free time in the next 14 days'}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
