import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { formatLocalTimeNow, zoneCity } from '../time';
import { onLinkClick } from '../router';
import { formatName, formatNames, languageName } from '../components/interview-options';
import { TopicSearch } from './topic-search';
import { OfficeProfileCard, useOfficeProfile } from './office-profile';
import { NewsroomContact } from './newsroom-contact';


export function HomePage() {
  const spokespeople = useQuery(() => api.spokespeople.list.query(), []);
  const releases = useQuery(() => api.releases.list.query(), []);
  const office = useOfficeProfile();
  // The topic search offers the languages and formats someone actually offers.
  const people = spokespeople.status === 'ready' ? spokespeople.data : [];
  const languages = [...new Set(people.flatMap((person) => person.languages))];
  const offered = new Set(people.flatMap((person) => person.formats));
  const formats = Object.keys(formatNames).filter((format) => offered.has(format));
  return (
    <>
      <h1>Interview requests{office ? <>: {office.name}</> : null}</h1>
      <p className="lede">Pick a spokesperson to see when they are free, in your own time zone, and request an interview.</p>
      {office && <OfficeProfileCard office={office} />}
      <section aria-labelledby="releases-heading">
        <h2 id="releases-heading">Current releases</h2>
        <Loaded state={releases} label="releases">
          {(data) =>
            data.length === 0 ? (
              <p>No releases at the moment.</p>
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
        <h2 id="spokespeople-heading">Our spokespeople</h2>
        <Loaded state={spokespeople} label="spokespeople">
          {(data) =>
            data.length === 0 ? (
              <p>No spokespeople are available yet.</p>
            ) : (
              <ul className="cards" aria-label="Spokespeople">
                {data.map((person) => (
                  <li key={person.id} className="card">
                    <h3>{person.name}</h3>
                    <p className="title">{person.title}</p>
                    <p>
                      <span className="label">Languages:</span> {person.languages.map(languageName).join(', ')}
                    </p>
                    <p>
                      <span className="label">Topics:</span> {person.topics.join(', ')}
                    </p>
                    <p>
                      <span className="label">Formats:</span> {person.formats.map(formatName).join(', ')}
                    </p>
                    <p>
                      <span className="label">Local time:</span> {formatLocalTimeNow(person.timeZone)} in {zoneCity(person.timeZone)}
                    </p>
                    <a className="button" href={`/book/${person.slug}`} onClick={onLinkClick}>
                      Request an interview<span className="visually-hidden"> with {person.name}</span>
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
