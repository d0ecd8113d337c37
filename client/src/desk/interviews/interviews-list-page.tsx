// /desk/interviews: upcoming (soonest first) or past (most recent first)
// interviews, filtered by spokesperson, status and a date range in the viewer's zone.
import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { onLinkClick } from '../../router';
import { browserTimeZone, wallTimeToInstant, zoneCity } from '../../time';
import { formatName } from '../../components/interview-options';
import { formatSpan } from '../../components/three-zones';
import { CalendarClashNote } from '../../components/calendar-clash-note';
import { interviewStatusLabels, interviewStatuses, statusText, type InterviewStatus } from './interview-types';

type When = 'upcoming' | 'past' | 'needs-outcome';
const LIMIT = 200;
const whenLabels: Record<When, string> = { upcoming: 'Upcoming, soonest first', past: 'Past, most recent first', 'needs-outcome': 'Needs an outcome (ended, not yet recorded)' };

export function InterviewsListPage() {
  const id = useId();
  const trpc = useTRPC();
  const timeZone = browserTimeZone();
  const [when, setWhen] = useState<When>('upcoming');
  const [spokespersonId, setSpokespersonId] = useState('');
  const [status, setStatus] = useState<InterviewStatus | ''>('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  // "Now" to the minute, so the query key (and cache) does not change on every render.
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const spokespeople = useQuery(trpc.spokespeople.listAll.queryOptions());
  // Dates are the viewer's local days: from the start of the first to the end of the last.
  const from = fromDate ? wallTimeToInstant(`${fromDate}T00:00`, timeZone) : undefined;
  const to = toDate ? new Date(Date.parse(wallTimeToInstant(`${toDate}T00:00`, timeZone)) + 86_400_000).toISOString() : undefined;
  const range = when === 'upcoming' ? { from: from && from > now ? from : now, to } : { from, to: to && to < now ? to : now };
  const needsOutcome = when === 'needs-outcome';
  const interviews = useQuery(
    trpc.desk.interviews.list.queryOptions(
      { ...range, ...(spokespersonId ? { spokespersonId } : {}), ...(status && !needsOutcome ? { status: [status] } : {}), ...(needsOutcome ? { needsOutcome: true } : {}), order: when === 'upcoming' ? 'asc' : 'desc', limit: LIMIT },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <>
      <h1>Interviews</h1>
      <p>Times in {zoneCity(timeZone)} time ({timeZone}); each interview’s page shows the spokesperson’s and the reporter’s too.</p>
      <form className="filters interview-filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter interviews">
        <fieldset className="interview-when">
          <legend>Show</legend>
          {(['upcoming', 'past', 'needs-outcome'] as const).map((value) => (
            <label key={value} className="queue-check">
              <input type="radio" name={`${id}-when`} checked={when === value} onChange={() => setWhen(value)} /> {whenLabels[value]}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={`${id}-person`}>Spokesperson</label>
          <select id={`${id}-person`} value={spokespersonId} onChange={(event) => setSpokespersonId(event.target.value)}>
            <option value="">Everyone</option>
            {(spokespeople.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>{person.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as InterviewStatus | '')}>
            <option value="">Any status</option>
            {interviewStatuses.map((value) => (
              <option key={value} value={value}>{interviewStatusLabels[value]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-from`}>From (your date)</label>
          <input id={`${id}-from`} type="date" value={fromDate} onChange={(event) => setFromDate(event.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>To (your date)</label>
          <input id={`${id}-to`} type="date" value={toDate} onChange={(event) => setToDate(event.target.value)} />
        </div>
      </form>
      <QueryResult query={interviews} label="interviews">
        {(rows) =>
          rows.length === 0 ? (
            <p>{when === 'upcoming' ? 'No upcoming interviews' : when === 'past' ? 'No past interviews' : 'No interview awaits its outcome'} with these filters.</p>
          ) : (
            <>
              <p className="meta">
                {rows.length} interview{rows.length === 1 ? '' : 's'}
                {rows.length === LIMIT ? ` (the first ${LIMIT}: narrow the filters to see others)` : ''}.
              </p>
              <ol className="interview-list" aria-label={whenLabels[when]} aria-busy={interviews.isPlaceholderData ? true : undefined}>
                {rows.map((interview) => (
                  <li key={interview.id} className="card interview-row">
                    <h2>
                      <a href={`/desk/interviews/${encodeURIComponent(interview.id)}`} onClick={onLinkClick}>
                        {interview.request.reference}: {interview.request.reporterName}, {interview.request.reporterOutlet}
                      </a>
                    </h2>
                    <p>
                      <span className="label">When:</span> {formatSpan(interview.start.utc, interview.end.utc, timeZone)}
                    </p>
                    <p>
                      <span className="label">With:</span> {interview.spokesperson.name} · {formatName(interview.format)} · <span className={`interview-status interview-status-${interview.status}`}>{statusText(interview.status)}</span>
                      {!interview.ended && interview.started && ' · happening now'}
                      {interview.ended && (interview.status === 'confirmed' || interview.status === 'rescheduled') && ' · ended: record the outcome'}
                    </p>
                    {interview.calendarClash && <CalendarClashNote clash={interview.calendarClash} timeZone={timeZone} />}
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </QueryResult>
    </>
  );
}
