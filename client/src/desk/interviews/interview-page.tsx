// /desk/interviews/<id>: one interview whatever its status: when (three
// zones), who, the meeting details, and what the desk can still do with it
// (change the details, reschedule, cancel, record the outcome once it is over).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { onLinkClick } from '../../router';
import { browserTimeZone } from '../../time';
import { usePageTitle } from '../../components/page-title';
import { ThreeZones } from '../../components/three-zones';
import { CalendarClashNote } from '../../components/calendar-clash-note';
import { attributionName, formatName, languageName } from '../../components/interview-options';
import { describeDetails, type MeetingDetails } from '../../components/meeting-details-fields';
import { isActive, statusText, type DeskInterview } from './interview-types';
import { MeetingDetailsPanel } from './meeting-details-panel';
import { ReschedulePanel } from './reschedule-panel';
import { CancelPanel } from './cancel-panel';
import { OutcomePanel } from './outcome-panel';

export function InterviewPage({ interviewId }: { interviewId: string }) {
  const trpc = useTRPC();
  const interview = useQuery(trpc.desk.interviews.get.queryOptions({ interviewId }, { refetchOnWindowFocus: true }));
  const [message, setMessage] = useState('');
  usePageTitle(interview.data ? `Interview ${interview.data.request.reference}` : null, 1);
  return (
    <>
      <p>
        <a href="/desk/interviews" onClick={onLinkClick}>All interviews</a>
      </p>
      <div role="status" className="queue-announcement">
        {message && <p>{message}</p>}
      </div>
      <QueryResult query={interview} label="the interview">
        {(data) => <InterviewDetail interview={data} onDone={setMessage} />}
      </QueryResult>
    </>
  );
}

function InterviewDetail({ interview, onDone }: { interview: DeskInterview; onDone: (message: string) => void }) {
  const timeZone = browserTimeZone();
  const { request, spokesperson } = interview;
  const reporter = { name: request.reporterName, timeZone: request.reporterTimeZone };
  const details = (interview.formatDetails ?? {}) as MeetingDetails;
  const active = isActive(interview);
  return (
    <article className="card interview-detail" aria-labelledby="interview-heading">
      <h1 id="interview-heading">
        Interview {request.reference}: {request.reporterName}, {request.reporterOutlet}
      </h1>
      <p>
        <span className="label">Status:</span> <span className={`interview-status interview-status-${interview.status}`}>{statusText(interview.status)}</span>
        {interview.status === 'cancelled' && request.statusReason && <> · <span className="label">Reason:</span> {request.statusReason}</>}
        {interview.outcomeNote && <> · <span className="label">Note:</span> {interview.outcomeNote}</>}
        {active && interview.ended && ' · it has ended: record the outcome below'}
        {active && interview.started && !interview.ended && ' · happening now'}
        {' · '}invite version {interview.inviteSequence}
      </p>
      {interview.calendarClash && <CalendarClashNote clash={interview.calendarClash} timeZone={timeZone} />}
      <h2>When</h2>
      <ThreeZones start={interview.start.utc} end={interview.end.utc} viewerZone={timeZone} spokesperson={spokesperson} reporter={reporter} label="Interview time in three zones" />
      <h2>Who and what</h2>
      <dl className="interview-facts">
        <dt>Spokesperson</dt>
        <dd>{spokesperson.name}</dd>
        <dt>Reporter</dt>
        <dd>
          {request.reporterName}, {request.reporterOutlet} · <a href={`mailto:${request.reporterEmail}`}>{request.reporterEmail}</a>
          {request.reporterPhone && <> · <a href={`tel:${request.reporterPhone}`}>{request.reporterPhone}</a></>}
        </dd>
        <dt>Format</dt>
        <dd>{formatName(interview.format)}, {interview.durationMinutes} minutes, {languageName(request.language)}</dd>
        <dt>Meeting details</dt>
        <dd>{describeDetails(interview.format, details, request.reporterPhone)}</dd>
        <dt>Attribution</dt>
        <dd>{attributionName(request.attribution)}</dd>
        <dt>Topic</dt>
        <dd>{request.topic}</dd>
        <dt>Request</dt>
        <dd>
          <a href={`/desk/requests/${encodeURIComponent(request.id)}`} onClick={onLinkClick}>
            {request.reference}<span className="visually-hidden"> (the request)</span>
          </a>
        </dd>
      </dl>
      {active && interview.ended && <OutcomePanel interview={interview} onDone={onDone} />}
      {active && !interview.ended && (
        <>
          <MeetingDetailsPanel interview={interview} onDone={onDone} />
          {!interview.started && <ReschedulePanel interview={interview} timeZone={timeZone} onDone={onDone} />}
          <CancelPanel interview={interview} onDone={onDone} />
        </>
      )}
      {!active && <p className="meta">This interview is {statusText(interview.status).toLowerCase()}: nothing more to do with it.</p>}
    </article>
  );
}
