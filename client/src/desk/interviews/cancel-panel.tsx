// Cancel a booked interview with a reason the reporter reads; a confirm step
// names what happens (cancellations to both calendars) before anything is sent.
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import type { DeskInterview } from './interview-types';
import { useRefreshDesk } from './use-refresh-desk';

export function CancelPanel({ interview, onDone }: { interview: DeskInterview; onDone: (message: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const refresh = useRefreshDesk();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.desk.interviews.cancel.mutationOptions({
      onSuccess: async () => {
        onDone(`Cancelled ${interview.request.reference}: ${interview.request.reporterName} and ${interview.spokesperson.name} get a cancellation for their calendars.`);
        await refresh();
      },
      onError: (failure) => {
        setConfirming(false);
        setError(errorMessage(failure));
      },
    }),
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="interview-panel">
      <h2 id={`${id}-heading`}>Cancel the interview</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          if (!reason.trim()) {
            setError('Say why: the reporter reads the reason.');
            return;
          }
          if (!confirming) {
            setConfirming(true);
            return;
          }
          cancel.mutate({ interviewId: interview.id, reason: reason.trim() });
        }}
      >
        <label htmlFor={`${id}-reason`}>Reason for the reporter</label>
        <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(event) => { setReason(event.target.value); setConfirming(false); }} />
        {confirming && (
          <p className="queue-warning" role="status">
            Cancel {interview.request.reference} for good? {interview.request.reporterName} gets the reason, and both calendars get a cancellation. This cannot be undone.
          </p>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className={confirming ? 'danger' : 'secondary'} disabled={cancel.isPending}>
            {confirming ? `Yes, cancel ${interview.request.reference}` : 'Cancel the interview…'}
          </button>{' '}
          {confirming && (
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              No, keep it
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
