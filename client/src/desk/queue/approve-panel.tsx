// Approve's confirm step: what will be booked (the time in the desk's, the
// spokesperson's and the reporter's zones; the meeting details) before it
// commits. Nothing is booked until "Confirm and book".
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { ThreeZones } from '../../components/three-zones';
import { compactDetails, describeDetails, linkToFollow, MeetingDetailsFields, type MeetingDetails } from '../../components/meeting-details-fields';
import { formatName } from '../../components/interview-options';
import { fieldErrorsOf, inBothZones } from './queue-format';
import { TimeAdvice } from './time-advice';
import type { Act, QueueRequest } from './queue-types';

export function ApprovePanel({ request, start, timeZone, act, onClose }: { request: QueueRequest; start: string; timeZone: string; act: Act; onClose: () => void }) {
  const id = useId();
  const trpc = useTRPC();
  const approve = useMutation(trpc.desk.requests.approve.mutationOptions());
  const person = request.spokesperson!;
  const [details, setDetails] = useState<MeetingDetails>(() => (request.interview?.formatDetails ?? {}) as MeetingDetails);
  const [overrideHours, setOverrideHours] = useState(false);
  // The spokesperson's own calendar shows them busy then (EXTERNAL_CONFLICT): the desk may book anyway (audited) after checking with them.
  const [calendarConflict, setCalendarConflict] = useState(false);
  const [overrideCalendar, setOverrideCalendar] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const end = new Date(Date.parse(start) + request.durationMinutes * 60_000).toISOString();
  const toFollow = linkToFollow(request.format, details);

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (approve.isPending) return;
    setError(null);
    setFieldErrors({});
    const failure = await act(
      request,
      `Approve ${request.reference}`,
      () => approve.mutateAsync({ requestId: request.id, start, formatDetails: compactDetails(details), overrideHours, ...(overrideCalendar ? { overrideCalendar } : {}) }),
      (result) => (result.interview ? `Interview booked for ${inBothZones(result.interview.start.utc, timeZone, result.spokesperson)}.${toFollow ? ' The video link is to follow: add it from the interview’s page.' : ''}` : ''),
    );
    if (!failure) return;
    setFieldErrors(fieldErrorsOf(failure.error));
    setError(errorMessage(failure.error));
    if ((failure.error as { data?: { appCode?: string } }).data?.appCode === 'EXTERNAL_CONFLICT') setCalendarConflict(true);
  }

  return (
    <form onSubmit={confirm} noValidate aria-labelledby={`${id}-heading`} className="approve-panel">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Book {request.reference}? Check before confirming
      </h3>
      <p>
        {formatName(request.format)} interview of {request.durationMinutes} minutes with {person.name}, for {request.reporter.name} ({request.reporter.outlet}):
      </p>
      <ThreeZones start={start} end={end} viewerZone={timeZone} spokesperson={person} reporter={request.reporter} label={`Time of ${request.reference} in three zones`} />
      <TimeAdvice spokesperson={person} start={start} durationMinutes={request.durationMinutes} excludeRequestId={request.id} override={overrideHours} onOverride={setOverrideHours} />
      <fieldset className="meeting-details">
        <legend>Meeting details for the invite</legend>
        <MeetingDetailsFields format={request.format} reporterPhone={request.reporter.phone} value={details} onChange={setDetails} errors={fieldErrors} />
      </fieldset>
      <p className={toFollow ? 'queue-warning' : 'meta'}>
        <span className="label">The invite will say:</span> {describeDetails(request.format, details, request.reporter.phone)}
      </p>
      <p className="meta">Confirming books the time and emails the invite to {request.reporter.name} and {person.name}.</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {calendarConflict && (
        <label className="queue-check">
          <input type="checkbox" checked={overrideCalendar} onChange={(event) => setOverrideCalendar(event.target.checked)} /> Book anyway: {person.name} will move the event in their own calendar (recorded in the audit trail)
        </label>
      )}
      <div className="actions">
        <button type="submit" disabled={approve.isPending}>
          {toFollow ? 'Confirm and book, link to follow' : 'Confirm and book'}
          <span className="visually-hidden"> {request.reference}</span>
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Back, book nothing
        </button>
      </div>
    </form>
  );
}
