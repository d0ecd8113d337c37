import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { QueryResult, useTRPC } from '../../api/query';
import { attributionName, formatName, languageName } from '../../components/interview-options';
import { formatTime, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import '../setup/setup.css';

type OwnInterview = inferRouterOutputs<AppRouter>['me']['interviews'][number];
type When = 'upcoming' | 'past';

const statusNames: Record<string, string> = { confirmed: 'Confirmed', rescheduled: 'Confirmed (moved)', cancelled: 'Cancelled', completed: 'Completed', no_show: 'No-show' };

/** A spokesperson's home: their own interviews, upcoming or past, in their zone with the reporter's beside it. */
export function MyInterviewsPage({ user }: { user: StaffUser }) {
  const [when, setWhen] = useState<When>('upcoming');
  return (
    <>
      <h1>My interviews</h1>
      <div role="group" aria-label="Which interviews" className="row-actions">
        <button type="button" className={when === 'upcoming' ? undefined : 'secondary'} aria-pressed={when === 'upcoming'} onClick={() => setWhen('upcoming')}>Upcoming</button>
        <button type="button" className={when === 'past' ? undefined : 'secondary'} aria-pressed={when === 'past'} onClick={() => setWhen('past')}>Past</button>
      </div>
      {user.spokespersonId ? <InterviewList when={when} /> : <p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p>}
    </>
  );
}

function InterviewList({ when }: { when: When }) {
  const trpc = useTRPC();
  const interviews = useQuery(trpc.me.interviews.queryOptions({ when }));
  return (
    <QueryResult query={interviews} label="your interviews">
      {(list) =>
        list.length === 0 ? (
          <p>{when === 'upcoming' ? 'No upcoming interviews.' : 'No past interviews.'}</p>
        ) : (
          <ul className="interview-list" aria-label={when === 'upcoming' ? 'Upcoming interviews' : 'Past interviews'}>
            {list.map((interview) => (
              <InterviewCard key={interview.id} interview={interview} />
            ))}
          </ul>
        )
      }
    </QueryResult>
  );
}

function meetingLine(interview: OwnInterview): string | null {
  const details = interview.formatDetails;
  return details.videoUrl ?? details.dialIn ?? details.whatsapp ?? details.studioAddress ?? details.address ?? null;
}

/** "Wed 2 Dec, 09:00–09:30 Zurich time": the date and the span as they are in one zone. */
function spanIn(interview: OwnInterview, timeZone: string): string {
  const day = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(interview.start.utc));
  return `${day}, ${formatTime(interview.start.utc, timeZone)}–${formatTime(interview.end.utc, timeZone)} ${zoneCity(timeZone)} time`;
}

function InterviewCard({ interview }: { interview: OwnInterview }) {
  const own = interview.timeZone;
  const theirs = interview.reporter.timeZone;
  const meeting = meetingLine(interview);
  return (
    <li className="card">
      <h2>
        <time dateTime={interview.start.utc}>{spanIn(interview, own)}</time>
        {interview.status !== 'confirmed' && <span className="status-tag">{statusNames[interview.status] ?? interview.status}</span>}
      </h2>
      <p className="meta two-zones">
        <span>Your zone: {own}</span>
        {theirs !== own && <span>Reporter’s time: {spanIn(interview, theirs)} ({theirs})</span>}
      </p>
      <p>
        <span className="label">With:</span> {interview.reporter.name}, {interview.reporter.outlet}
      </p>
      <p>
        <span className="label">Topic:</span> {interview.topic}
      </p>
      <p>
        {formatName(interview.format)}, in {languageName(interview.language)}, {attributionName(interview.attribution).toLowerCase()} · {interview.reference}
      </p>
      {meeting && (
        <p>
          <span className="label">Meeting:</span> {/^https?:\/\//.test(meeting) ? <a href={meeting}>{meeting}</a> : meeting}
        </p>
      )}
    </li>
  );
}
