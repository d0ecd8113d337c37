// Move a booked interview to another free time of the same spokesperson,
// chosen from live availability; a confirm step shows the new time in the
// three zones before anything is sent.
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { FreeSlotPicker } from '../../components/free-slot-picker';
import { formatSpan, ThreeZones } from '../../components/three-zones';
import { TimeAdvice } from '../queue/time-advice';
import type { DeskInterview } from './interview-types';
import { useRefreshDesk } from './use-refresh-desk';

export function ReschedulePanel({ interview, timeZone, onDone }: { interview: DeskInterview; timeZone: string; onDone: (message: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const refresh = useRefreshDesk();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<string | null>(null);
  const [overrideHours, setOverrideHours] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reporter = { name: interview.request.reporterName, timeZone: interview.request.reporterTimeZone };
  const reschedule = useMutation(
    trpc.desk.interviews.reschedule.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        setStart(null);
        onDone(`Rescheduled to ${formatSpan(result.start.utc, result.end.utc, timeZone)}: an updated invite (version ${result.inviteSequence}) goes to ${reporter.name} and ${interview.spokesperson.name}.`);
        await refresh();
      },
      onError: (failure) => setError(errorMessage(failure)),
    }),
  );
  const end = start ? new Date(Date.parse(start) + interview.durationMinutes * 60_000).toISOString() : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="interview-panel">
      <h2 id={`${id}-heading`}>Reschedule</h2>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Choose a new time
        </button>
      ) : (
        <>
          <p className="meta">Free times of {interview.spokesperson.name} for {interview.durationMinutes} minutes; the current time is not among them.</p>
          <FreeSlotPicker person={interview.spokesperson} durationMinutes={interview.durationMinutes} timeZone={timeZone} reporter={reporter} isPicked={(slotStart) => slotStart === start} onPick={(slot) => { setError(null); setStart((current) => (current === slot.start ? null : slot.start)); }} />
          {start && end && (
            <form
              className="approve-panel"
              aria-labelledby={`${id}-confirm`}
              onSubmit={(event) => {
                event.preventDefault();
                setError(null);
                reschedule.mutate({ interviewId: interview.id, start, overrideHours });
              }}
            >
              <h3 id={`${id}-confirm`}>Move {interview.request.reference} to this time?</h3>
              <ThreeZones start={start} end={end} viewerZone={timeZone} spokesperson={interview.spokesperson} reporter={reporter} label="New time in three zones" />
              <TimeAdvice spokesperson={interview.spokesperson} start={start} durationMinutes={interview.durationMinutes} excludeInterviewId={interview.id} override={overrideHours} onOverride={setOverrideHours} />
              <p className="meta">Both get an updated invite that moves the event already in their calendars.</p>
              {error && (
                <p role="alert" className="form-error">
                  {error}
                </p>
              )}
              <div className="actions">
                <button type="submit" disabled={reschedule.isPending}>
                  Confirm the new time
                </button>{' '}
                <button type="button" className="secondary" onClick={() => setStart(null)}>
                  Pick another time
                </button>
              </div>
            </form>
          )}
          <button type="button" className="secondary" onClick={() => { setOpen(false); setStart(null); }}>
            Keep the current time
          </button>
        </>
      )}
    </section>
  );
}
