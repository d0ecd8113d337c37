// /desk/calendars: a spokesperson's own calendars (CalDAV accounts and feed
// URLs) whose busy times block slots. Press officers pick anyone; a
// spokesperson sees and manages only their own.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { usePageTitle } from '../../components/page-title';
import { zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import { ConnectionList } from './connection-list';
import { AddFeedForm } from './add-feed-form';
import { AddCalDavForm } from './add-caldav-form';
import './calendars.css';

export function CalendarsPage({ user }: { user: StaffUser }) {
  usePageTitle('Calendars');
  if (user.role === 'spokesperson') {
    return (
      <>
        <h1>Your calendars</h1>
        <Intro />
        {user.spokespersonId ? <Connections spokespersonId={user.spokespersonId} /> : <p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p>}
      </>
    );
  }
  return <OfficeView />;
}

function Intro() {
  return (
    <p className="meta">
      Busy times from these calendars block interview slots. Only when each event starts and ends is read: never titles, places or guests. Passwords and secret addresses are stored encrypted and never shown again.
    </p>
  );
}

function OfficeView() {
  const trpc = useTRPC();
  const people = useQuery(trpc.spokespeople.listAll.queryOptions());
  const [chosenId, setChosenId] = useState<string | null>(null);
  return (
    <>
      <h1>Calendars</h1>
      <Intro />
      <QueryResult query={people} label="the spokespeople">
        {(list) => {
          if (list.length === 0) return <p>No spokespeople yet.</p>;
          const chosen = list.find((person) => person.id === chosenId) ?? list[0]!;
          return (
            <>
              <div className="filters">
                <div>
                  <label htmlFor="calendars-person">Spokesperson</label>
                  <select id="calendars-person" value={chosen.id} onChange={(event) => setChosenId(event.target.value)}>
                    {list.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name} ({zoneCity(person.timeZone)})
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Connections key={chosen.id} spokespersonId={chosen.id} />
            </>
          );
        }}
      </QueryResult>
    </>
  );
}

function Connections({ spokespersonId }: { spokespersonId: string }) {
  return (
    <div className="calendars">
      <section aria-labelledby="calendars-connected">
        <h2 id="calendars-connected">Connected calendars</h2>
        <ConnectionList spokespersonId={spokespersonId} />
      </section>
      <section aria-labelledby="calendars-add-feed" className="card">
        <h2 id="calendars-add-feed">Add a calendar address</h2>
        <AddFeedForm spokespersonId={spokespersonId} />
      </section>
      <section aria-labelledby="calendars-add-caldav" className="card">
        <h2 id="calendars-add-caldav">Add a CalDAV account</h2>
        <AddCalDavForm spokespersonId={spokespersonId} />
      </section>
    </div>
  );
}
