// A reporter asked to move a confirmed interview (requests.move): the desk
// books the new time (updated invites, same UID, SEQUENCE + 1) or keeps the
// old one, which releases the held time.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { inBothZones } from './queue-format';
import type { Act, QueueRequest } from './queue-types';

export function MoveAnswer({ request, timeZone, act }: { request: QueueRequest; timeZone: string; act: Act }) {
  const trpc = useTRPC();
  const approve = useMutation(trpc.desk.requests.approveMove.mutationOptions());
  const decline = useMutation(trpc.desk.requests.declineMove.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const busy = approve.isPending || decline.isPending;
  if (!request.move || !request.interview || request.interview.status === 'cancelled') return null;
  const person = request.spokesperson;

  async function answer(choice: 'approve' | 'decline') {
    setError(null);
    const failure =
      choice === 'approve'
        ? await act(request, `Move ${request.reference}`, () => approve.mutateAsync({ requestId: request.id }), (result) => (result.interview ? `Interview moved to ${inBothZones(result.interview.start.utc, timeZone, result.spokesperson)}; updated invites sent.` : ''))
        : await act(request, `Keep the time of ${request.reference}`, () => decline.mutateAsync({ requestId: request.id }), () => 'The interview keeps its time; the held time is released.');
    if (failure) setError(errorMessage(failure.error));
  }

  return (
    <div className="queue-move">
      <p>
        <span className="label">The reporter asks to move it to:</span> {inBothZones(request.move.start.utc, timeZone, person)} (held until you answer)
      </p>
      <button type="button" onClick={() => answer('approve')} disabled={busy}>
        Approve the move<span className="visually-hidden"> of {request.reference}</span>
      </button>{' '}
      <button type="button" className="secondary" onClick={() => answer('decline')} disabled={busy}>
        Keep the current time<span className="visually-hidden"> of {request.reference}</span>
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
