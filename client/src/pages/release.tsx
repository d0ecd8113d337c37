import { api } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { onLinkClick } from '../router';
import { languageName } from './home';

export function ReleasePage({ slug }: { slug: string }) {
  const release = useQuery(() => api.releases.get.query({ slug }), [slug]);
  return (
    <Loaded state={release} label="the release">
      {(data) => (
        <article>
          <h1>{data.title}</h1>
          {data.publishedAt && <p className="meta">Published {new Date(data.publishedAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short', timeZoneName: 'short' })}</p>}
          {data.body.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
          <h2>Request an interview</h2>
          <ul className="cards">
            {data.spokespeople.map((person) => (
              <li key={person.id} className="card">
                <h3>{person.name}</h3>
                <p className="title">{person.title}</p>
                <p>{person.languages.map(languageName).join(', ')}</p>
                <a className="button" href={`/book/${person.slug}?release=${data.id}`} onClick={onLinkClick}>
                  Request an interview<span className="visually-hidden"> with {person.name}</span>
                </a>
              </li>
            ))}
          </ul>
          {data.pressContact && (
            <p>
              Press contact: {data.pressContact.name}, {data.pressContact.title}
              {data.pressContact.email && (
                <>
                  {' '}
                  — <a href={`mailto:${data.pressContact.email}`}>{data.pressContact.email}</a>
                </>
              )}
            </p>
          )}
        </article>
      )}
    </Loaded>
  );
}
