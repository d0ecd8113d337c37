// Once an interview is over: did it happen? Completed, no-show or cancelled
// late, with an optional note, chosen and then recorded (two steps: it cannot
// be changed afterwards).
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import type { DeskInterview } from './interview-types';
import { useRefreshDesk } from './use-refresh-desk';

export function OutcomePanel({ interview, onDone }: { interview: DeskInterview; onDone: (message: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const refresh = useRefreshDesk();
  const [outcome, setOutcome] = useState<'completed' | 'no_show' | 'cancelled_late' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mark = useMutation(
    trpc.desk.interviews.markOutcome.mutationOptions({
      onSuccess: async (result) => {
        onDone(`Recorded: ${interview.request.reference} ${result.status === 'completed' ? 'took place' : result.status === 'no_show' ? 'was a no-show' : 'was cancelled late'}.`);
        await refresh();
      },
      onError: (failure) => setError(errorMessage(failure)),
    }),
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="interview-panel">
      <h2 id={`${id}-heading`}>Outcome</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (outcome) mark.mutate({ interviewId: interview.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) });
        }}
      >
        <fieldset>
          <legend>The interview has ended. Did it take place?</legend>
          <label className="queue-check">
            <input type="radio" name={`${id}-outcome`} checked={outcome === 'completed'} onChange={() => setOutcome('completed')} /> Completed: it took place
          </label>
          <label className="queue-check">
            <input type="radio" name={`${id}-outcome`} checked={outcome === 'no_show'} onChange={() => setOutcome('no_show')} /> No-show: the reporter or the spokesperson did not come
          </label>
          <label className="queue-check">
            <input type="radio" name={`${id}-outcome`} checked={outcome === 'cancelled_late'} onChange={() => setOutcome('cancelled_late')} /> Cancelled late: called off at the last minute
          </label>
        </fieldset>
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea id={`${id}-note`} value={note} maxLength={2000} rows={3} onChange={(event) => setNote(event.target.value)} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!outcome || mark.isPending}>
          Record the outcome
        </button>
      </form>
    </section>
  );
}
