import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { languageName } from '../components/interview-options';
import { onLinkClick } from '../router';
import { OfficeContact, useOfficeProfile } from './office-profile';
import { ReleaseBody } from './release-body';
import { usePageTitle } from '../components/page-title';
import { PressContactBlock } from './press-contact-block';
import { releaseBookingUrl, releaseDate } from './release-article';

/**
 * "31 October 2020 at 09:00 CET" in the reporter's zone, named. (dateStyle and
 * timeZoneName cannot be combined in Intl: that threw and blanked the page.)
 */
function publishedText(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** A public press release, with "Request an interview" for each spokesperson linked to it. */
export function ReleasePage({ slug }: { slug: string }) {
  const release = useQuery(() => api.releases.get.query({ slug }), [slug]);
  const office = useOfficeProfile();
  usePageTitle(release.status === 'ready' ? release.data.title : 'Release');
  return (
    <Loaded state={release} label="the release">
      {(data) => (
        <article>
          <p>
            <a href="/" onClick={onLinkClick}>All releases and spokespeople</a>
          </p>
          {office && (
            <p className="meta">
              From {office.website ? <a href={office.website}>{office.name}</a> : office.name}
            </p>
          )}
          <h1>{data.title}</h1>
          {data.publishedAt && (
            <p className="meta">
              Published <time dateTime={data.publishedAt}>{publishedText(data.publishedAt)}</time>
            </p>
          )}
          <ReleaseBody release={data} />
          <section aria-labelledby="release-interviews">
            <h2 id="release-interviews">Request an interview</h2>
            {data.spokespeople.length === 0 ? (
              <p>
                No spokesperson is linked to this release. <a href="/" onClick={onLinkClick}>Find someone on your topic</a>.
              </p>
            ) : (
              <ul className="cards">
                {data.spokespeople.map((person) => (
                  <li key={person.id} className="card">
                    <h3>{person.name}</h3>
                    <p className="title">{person.title}</p>
                    <p>
                      <span className="label">Languages:</span> {person.languages.map(languageName).join(', ')}
                    </p>
                    {person.topics.length > 0 && (
                      <p>
                        <span className="label">Topics:</span> {person.topics.join(', ')}
                      </p>
                    )}
                    <a className="button" href={`/book/${person.slug}?release=${encodeURIComponent(data.id)}`} onClick={onLinkClick}>
                      Request an interview<span className="visually-hidden"> with {person.name}</span>
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
