import { api } from './trpc';
import { useQuery } from './use-query';
import { formatLocalTimeNow, zoneCity } from './time';

const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'language' }) : undefined;

export function App() {
  const spokespeople = useQuery(() => api.spokespeople.list.query(), []);
  return (
    <>
      <header className="site-header">
        <p className="brand">Interview Desk</p>
      </header>
      <main id="main">
        <h1>Our spokespeople</h1>
        <p className="lede">Pick a spokesperson to see when they are free, in your own time zone.</p>
        {spokespeople.status === 'loading' && <p role="status">Loading spokespeople…</p>}
        {spokespeople.status === 'error' && <p role="alert">Could not load spokespeople: {spokespeople.message}</p>}
        {spokespeople.status === 'ready' && spokespeople.data.length === 0 && <p>No spokespeople are available yet.</p>}
        {spokespeople.status === 'ready' && spokespeople.data.length > 0 && (
          <ul className="cards" aria-label="Spokespeople">
            {spokespeople.data.map((person) => (
              <li key={person.id} className="card">
                <h2>{person.name}</h2>
                <p className="title">{person.title}</p>
                <p>
                  <span className="label">Languages:</span>{' '}
                  {person.languages.map((tag) => languageNames?.of(tag) ?? tag).join(', ')}
                </p>
                <p>
                  <span className="label">Topics:</span> {person.topics.join(', ')}
                </p>
                <p>
                  <span className="label">Local time:</span> {formatLocalTimeNow(person.timeZone)} in {zoneCity(person.timeZone)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
