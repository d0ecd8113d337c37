import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { languageName } from '../../components/interview-options';
import { EmbedSnippet } from '../../components/embed-snippet';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick, useLocation } from '../../router';
import { formatLocalTimeNow, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import { SpokespersonForm } from './spokesperson-form';
import type { ManagedPerson } from './spokesperson-draft';
import '../setup/setup.css';

/**
 * Press officers: the spokespeople (/desk/spokespeople), a new one
 * (/desk/spokespeople/new) and one to edit (/desk/spokespeople/<id>).
 */
export function SpokespeoplePage(_props: { user: StaffUser }) {
  const trpc = useTRPC();
  const { path, search } = useLocation();
  const people = useQuery(trpc.spokespeople.listAll.queryOptions());
  const id = /^\/desk\/spokespeople\/([^/]+)$/.exec(path)?.[1];
  if (id === 'new') return <NewSpokesperson />;
  return (
    <QueryResult query={people} label="the spokespeople">
      {(list) => {
        if (!id) return <SpokespeopleList people={list} />;
        const person = list.find((candidate) => candidate.id === decodeURIComponent(id));
        return person ? <EditSpokesperson key={person.id} person={person} created={new URLSearchParams(search).get('created') === '1'} /> : <NotFound />;
      }}
    </QueryResult>
  );
}

function NewSpokesperson() {
  usePageTitle('New spokesperson', 1);
  return (
    <>
      <p><a href="/desk/spokespeople" onClick={onLinkClick}>All spokespeople</a></p>
      <h1>New spokesperson</h1>
      <SpokespersonForm />
    </>
  );
}

function EditSpokesperson({ person, created }: { person: ManagedPerson; created: boolean }) {
  usePageTitle(person.name, 1);
  const hours = `/desk/availability?spokesperson=${encodeURIComponent(person.id)}`;
  return (
    <>
      <p><a href="/desk/spokespeople" onClick={onLinkClick}>All spokespeople</a></p>
      <h1>{person.name}</h1>
      {created && (
        <p className="notice" role="status">
          {person.name} was added. <a href={hours} onClick={onLinkClick}>Refine their hours, date overrides and time off</a>.
        </p>
      )}
      <p><a href={hours} onClick={onLinkClick}>Hours and time off of {person.name}</a></p>
      <SpokespersonForm person={person} />
      {person.active && <EmbedSnippet kind="spokesperson" value={person.slug} what={person.name} />}
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>No such spokesperson</h1>
      <p><a href="/desk/spokespeople" onClick={onLinkClick}>All spokespeople</a></p>
    </>
  );
}

function SpokespeopleList({ people }: { people: ManagedPerson[] }) {
  return (
    <>
      <h1>Spokespeople</h1>
      <p><a className="button" href="/desk/spokespeople/new" onClick={onLinkClick}>Add a spokesperson</a></p>
      {people.length === 0 ? (
        <p>No spokespeople yet.</p>
      ) : (
        <ul className="setup-list" aria-label="Spokespeople">
          {people.map((person) => (
            <li key={person.id} className="card">
              <h2>
                <a href={`/desk/spokespeople/${encodeURIComponent(person.id)}`} onClick={onLinkClick}>{person.name}</a>
                {!person.active && <span className="status-tag">Inactive</span>}
              </h2>
              <p className="title">{person.title}</p>
              <p>
                <span className="label">Time zone:</span> {zoneCity(person.timeZone)} ({person.timeZone}), now {formatLocalTimeNow(person.timeZone)}
              </p>
              <p>
                <span className="label">Languages:</span> {(person.languages as string[]).map((tag) => languageName(tag)).join(', ')}
              </p>
              <p className="meta">{person.userId ? 'Has a staff login.' : 'No staff login linked.'}</p>
              <p>
                <a href={`/desk/availability?spokesperson=${encodeURIComponent(person.id)}`} onClick={onLinkClick}>
                  Hours and time off<span className="visually-hidden"> of {person.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <TopicWidget people={people} />
    </>
  );
}

/** A topic's booking widget: the topics the active spokespeople cover, one snippet for the chosen one. */
function TopicWidget({ people }: { people: ManagedPerson[] }) {
  const topics = [...new Set(people.filter((person) => person.active).flatMap((person) => person.topics as string[]))].sort((a, b) => a.localeCompare(b));
  const [topic, setTopic] = useState('');
  const chosen = topic || topics[0];
  if (!chosen) return null;
  return (
    <>
      <p>
        <label htmlFor="widget-topic">Topic for a booking widget</label>
        <select id="widget-topic" value={chosen} onChange={(event) => setTopic(event.target.value)}>
          {topics.map((name) => (
            <option key={name} value={name}>{name}</option>
          ))}
        </select>
      </p>
      <EmbedSnippet kind="topic" value={chosen} what={`the topic “${chosen}”`} />
    </>
  );
}
