import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { browserTimeZone, formatDateTime, zoneCity } from '../../time';
import { describeSync } from './sync-status';
import { WriteBackChoice } from './write-back-choice';

/** One spokesperson's connections with their status, "Sync now" and "Remove". */
export function ConnectionList({ spokespersonId }: { spokespersonId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connections = useQuery(trpc.calendars.list.queryOptions({ spokespersonId }));
  const [result, setResult] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendars.pathKey() });
  const sync = useMutation(trpc.calendars.syncNow.mutationOptions({ onSuccess: (answer) => setResult(`${answer.connection.label}: ${answer.sync.message}`), onError: (error) => setResult(errorMessage(error)), onSettled: refresh }));
  const remove = useMutation(trpc.calendars.remove.mutationOptions({ onSuccess: () => setResult('Calendar removed; its busy times no longer block slots.'), onError: (error) => setResult(errorMessage(error)), onSettled: refresh }));
  const zone = browserTimeZone();
  const now = Date.now();
  return (
    <>
      <p role="status" className={result ? 'notice' : undefined}>{result}</p>
      <QueryResult query={connections} label="the calendars">
        {(list) =>
          list.length === 0 ? (
            <p>No calendars connected: slots come from the hours and time off set in the desk only.</p>
          ) : (
            <ul className="calendar-connections">
              {list.map((connection) => (
                <li key={connection.id} className="card">
                  <h3>{connection.label}</h3>
                  <p className="meta">
                    {connection.kind === 'caldav' ? `CalDAV: ${connection.serverUrl} (${connection.calendars.map((calendar) => calendar.name).join(', ')})` : 'Calendar address (kept secret)'}
                  </p>
                  <p className={connection.status === 'failing' ? 'calendar-failing' : undefined}>
                    {describeSync(connection, now)}
                    {connection.lastSyncedAt && (
                      <span className="meta"> ({formatDateTime(connection.lastSyncedAt, zone)}, {zoneCity(zone)} time)</span>
                    )}
                  </p>
                  <p className="meta">{connection.busyCount === 1 ? "1 busy time" : `${connection.busyCount} busy times`} stored.</p>
                  {connection.kind === 'caldav' && <WriteBackChoice connection={connection} onResult={setResult} />}
                  <div className="calendar-actions">
                    <button type="button" disabled={sync.isPending} onClick={() => sync.mutate({ connectionId: connection.id })}>
                      Sync {connection.label} now
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={remove.isPending}
                      onClick={() => window.confirm(`Remove ${connection.label}? Its busy times stop blocking slots.`) && remove.mutate({ connectionId: connection.id })}
                    >
                      Remove {connection.label}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryResult>
    </>
  );
}
