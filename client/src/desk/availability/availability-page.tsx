import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { navigate, onLinkClick, useLocation } from '../../router';
import { zoneCity } from '../../time';
import { AvailabilityForm } from './availability-form';
import type { StaffUser } from '../staff-user';
import './availability.css';

/**
 * The availability editor: weekly hours, date overrides, time off and booking
 * settings of one spokesperson, edited as a draft in their own zone, with a
 * live preview of the free times it gives in any other zone. Press officers
 * and admins pick anyone; a spokesperson edits only their own.
 */
export function AvailabilityEditorPage({ user }: { user: StaffUser }) {
  const { search } = useLocation();
  const requested = new URLSearchParams(search).get('spokesperson');
  // Whether the open editor has unsaved changes, so switching person can ask first.
  const dirty = useRef(false);
  if (user.role === 'spokesperson') {
    return (
      <>
        <h1>Your availability</h1>
        {requested && requested !== user.spokespersonId && <p className="notice">You can only edit your own availability, so your own is shown.</p>}
        {user.spokespersonId ? (
          <Editor spokespersonId={user.spokespersonId} dirty={dirty} />
        ) : (
          <p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p>
        )}
      </>
    );
  }
  return <StaffEditor requested={requested} dirty={dirty} />;
}

function StaffEditor({ requested, dirty }: { requested: string | null; dirty: React.MutableRefObject<boolean> }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.spokespeople.listAll.queryOptions());
  return (
    <>
      <h1>Availability</h1>
      <QueryResult query={people} label="the spokespeople">
        {(list) => {
          if (list.length === 0) {
            return (
              <p>
                No spokespeople yet. <a href="/desk/spokespeople/new" onClick={onLinkClick}>Add one first</a>; their hours are edited here.
              </p>
            );
          }
          const chosen = list.find((person) => person.id === requested) ?? list[0]!;
          const choose = (id: string) => {
            if (id === chosen.id) return;
            if (dirty.current && !window.confirm('Leave without saving? Your changes to these hours will be lost.')) return;
            navigate(`/desk/availability?spokesperson=${encodeURIComponent(id)}`);
          };
          return (
            <>
              {requested && requested !== chosen.id && <p className="notice">No spokesperson with that address; showing {chosen.name}.</p>}
              <div className="filters">
                <div>
                  <label htmlFor="availability-person">Spokesperson</label>
                  <select id="availability-person" value={chosen.id} onChange={(event) => choose(event.target.value)}>
                    {list.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name} ({zoneCity(person.timeZone)}){person.active ? '' : ', inactive'}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Editor key={chosen.id} spokespersonId={chosen.id} dirty={dirty} />
            </>
          );
        }}
      </QueryResult>
    </>
  );
}

function Editor({ spokespersonId, dirty }: { spokespersonId: string; dirty: React.MutableRefObject<boolean> }) {
  const trpc = useTRPC();
  // The form keeps its own draft: a refetch in the background must not replace what is being typed.
  const record = useQuery({ ...trpc.spokespeople.getManaged.queryOptions({ id: spokespersonId }), refetchOnWindowFocus: false });
  return <QueryResult query={record} label="the hours">{(data) => <AvailabilityForm record={data} dirty={dirty} />}</QueryResult>;
}
