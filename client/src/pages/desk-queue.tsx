import { useState } from 'react';
import { api, errorMessage } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { browserTimeZone, formatDateTime, formatTime, formatDate, zoneCity } from '../time';
import type { StaffUser } from './desk';

/** The queue: open requests by deadline, with Approve, Decline and Propose other times. */
export function QueuePage(_props: { user: StaffUser }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const timeZone = browserTimeZone();
  const queue = useQuery(() => api.desk.requests.list.query({}), [version]);
  const act = async (label: string, action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      setMessage(`${label}: done.`);
      setVersion((value) => value + 1);
    } catch (error) {
      setMessage(`${label}: ${errorMessage(error)}`);
    }
  };
  return (
    <>
      <h1>Request queue</h1>
      <p>Times in {zoneCity(timeZone)} time.</p>
      {message && <p role="status">{message}</p>}
      <Loaded state={queue} label="the queue">
        {(requests) =>
          requests.length === 0 ? (
            <p>No open requests.</p>
          ) : (
            <ol className="queue" aria-label="Open requests, soonest deadline first">
              {requests.map((request) => (
                <li key={request.id} className="card">
                  <h2>
                    {request.reference}: {request.reporter.name}, {request.reporter.outlet}
                  </h2>
                  <p>
                    <span className="label">With:</span> {request.spokesperson?.name ?? 'unassigned'} · <span className="label">Topic:</span> {request.topic} · {request.format.replace('_', ' ')}, {request.language}
                  </p>
                  <p>
                    <span className="label">Deadline:</span> {formatDateTime(request.deadline.utc, timeZone)} ({formatLeft(request.minutesToDeadline)})
                  </p>
                  {request.requested && (
                    <p>
                      <span className="label">Requested:</span> {formatDateTime(request.requested.start.utc, timeZone)}
                      {request.spokesperson && <> · {formatTime(request.requested.start.utc, request.spokesperson.timeZone)} in {zoneCity(request.spokesperson.timeZone)}</>}
                    </p>
                  )}
                  {request.conflicts.length > 0 && <p className="form-error">Conflicts with {request.conflicts.length} booking{request.conflicts.length > 1 ? 's' : ''} at that time.</p>}
                  <p className="status">{request.status === 'proposed' ? 'Waiting for the reporter to pick a proposed time' : 'Pending'}</p>
                  {request.status === 'pending' && (
                    <div className="actions">
                      <button type="button" onClick={() => act(`Approve ${request.reference}`, () => api.desk.requests.approve.mutate({ requestId: request.id }))}>
                        Approve<span className="visually-hidden"> {request.reference}</span>
                      </button>{' '}
                      <button type="button" className="secondary" onClick={() => { const reason = window.prompt('Reason for the reporter'); if (reason) void act(`Decline ${request.reference}`, () => api.desk.requests.decline.mutate({ requestId: request.id, reason })); }}>
                        Decline<span className="visually-hidden"> {request.reference}</span>
                      </button>{' '}
                      {request.spokesperson && <ProposeTimes requestId={request.id} reference={request.reference} spokespersonId={request.spokesperson.id} timeZone={timeZone} onDone={(label, action) => act(label, action)} />}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </>
  );
}

function formatLeft(minutes: number) {
  if (minutes < 0) return 'deadline passed';
  if (minutes < 120) return `${minutes} minutes left`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} hours left`;
  return `${Math.floor(minutes / 1440)} days left`;
}

/** Pick up to three free times from live availability and offer them to the reporter. */
function ProposeTimes({ requestId, reference, spokespersonId, timeZone, onDone }: { requestId: string; reference: string; spokespersonId: string; timeZone: string; onDone: (label: string, action: () => Promise<unknown>) => void }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const to = new Date(Date.parse(from) + 7 * 86_400_000).toISOString();
  const slots = useQuery(() => (open ? api.availability.slots.query({ spokespersonId, from, to, timeZone }) : Promise.resolve(null)), [open, spokespersonId, timeZone]);
  if (!open) return <button type="button" className="secondary" onClick={() => setOpen(true)}>Propose other times<span className="visually-hidden"> for {reference}</span></button>;
  return (
    <fieldset>
      <legend>Propose up to three times</legend>
      <Loaded state={slots} label="free times">
        {(data) =>
          !data || data.days.length === 0 ? (
            <p>No free times in the next 7 days.</p>
          ) : (
            <div className="days">
              {data.days.slice(0, 4).map((day) => (
                <div key={day.date} role="group" aria-label={formatDate(day.date)}>
                  <h3>{formatDate(day.date)}</h3>
                  <ul className="slots">
                    {day.slots.map((slot) => (
                      <li key={slot.start}>
                        <button type="button" className="slot" aria-pressed={picked.includes(slot.start)} onClick={() => setPicked((list) => (list.includes(slot.start) ? list.filter((start) => start !== slot.start) : list.length < 3 ? [...list, slot.start] : list))}>
                          {formatTime(slot.start, timeZone)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )
        }
      </Loaded>
      <button type="button" disabled={picked.length === 0} onClick={() => onDone(`Propose times for ${reference}`, () => api.desk.requests.propose.mutate({ requestId, slots: picked.map((start) => ({ start })) }))}>
        Send {picked.length || ''} proposed time{picked.length === 1 ? '' : 's'}
      </button>
    </fieldset>
  );
}
