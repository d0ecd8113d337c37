// Change the meeting details of a booked interview: both attendees get an
// updated invite (same event, next version).
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { compactDetails, describeDetails, MeetingDetailsFields, type MeetingDetails } from '../../components/meeting-details-fields';
import { fieldErrorsOf } from '../queue/queue-format';
import type { DeskInterview } from './interview-types';
import { useRefreshDesk } from './use-refresh-desk';

export function MeetingDetailsPanel({ interview, onDone }: { interview: DeskInterview; onDone: (message: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const refresh = useRefreshDesk();
  const saved = (interview.formatDetails ?? {}) as MeetingDetails;
  const [details, setDetails] = useState<MeetingDetails>(saved);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const update = useMutation(
    trpc.desk.interviews.updateMeetingDetails.mutationOptions({
      onSuccess: async (result) => {
        onDone(
          result.inviteSequence > interview.inviteSequence
            ? `Meeting details saved: an updated invite (version ${result.inviteSequence}) goes to ${interview.request.reporterName} and ${interview.spokesperson.name}.`
            : 'Nothing changed: no invite sent.',
        );
        await refresh();
      },
      onError: (failure) => {
        setFieldErrors(fieldErrorsOf(failure));
        setError(errorMessage(failure));
      },
    }),
  );
  if (interview.format === 'written') return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="interview-panel">
      <h2 id={`${id}-heading`}>Meeting details</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          setFieldErrors({});
          update.mutate({ interviewId: interview.id, formatDetails: compactDetails(details) });
        }}
      >
        <MeetingDetailsFields format={interview.format} reporterPhone={interview.request.reporterPhone} value={details} onChange={setDetails} errors={fieldErrors} />
        <p className="meta">
          <span className="label">The invite will say:</span> {describeDetails(interview.format, details, interview.request.reporterPhone)}
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          Save and send the updated invite
        </button>
      </form>
    </section>
  );
}
