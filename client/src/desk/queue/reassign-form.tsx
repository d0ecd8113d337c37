// Give the request to another spokesperson, keeping its time or moving it to
// one of theirs; says at once when their hours do not cover the time, and
// offers the override.
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { FreeSlotPicker } from '../../components/free-slot-picker';
import { firstName, inBothZones } from './queue-format';
import { mismatches, personLabel } from './spokesperson-fit';
import { TimeAdvice } from './time-advice';
import type { Act, PublicSpokesperson, QueueRequest } from './queue-types';

export function ReassignForm({ request, timeZone, spokespeople, act, onClose }: { request: QueueRequest; timeZone: string; spokespeople: PublicSpokesperson[]; act: Act; onClose: () => void }) {
  const id = useId();
  const trpc = useTRPC();
  const reassign = useMutation(trpc.desk.requests.reassign.mutationOptions());
  const others = spokespeople.filter((entry) => entry.id !== request.spokesperson?.id);
  const [personId, setPersonId] = useState(() => others[0]?.id ?? '');
  const [start, setStart] = useState<string | null>(null);
  const [overrideHours, setOverrideHours] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const target = others.find((entry) => entry.id === personId);
  const timeToCheck = start ?? request.requested?.start.utc ?? null;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reassign.isPending || !target) return;
    setError(null);
    const failure = await act(
      request,
      `Reassign ${request.reference}`,
      () => reassign.mutateAsync({ requestId: request.id, spokespersonId: target.id, ...(start ? { start } : {}), overrideHours }),
      (result) => `Now with ${result.spokesperson?.name ?? target.name}${result.requested ? `, ${inBothZones(result.requested.start.utc, timeZone, result.spokesperson)}` : ''}.`,
    );
    if (failure) setError(errorMessage(failure.error));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Reassign {request.reference}
      </h3>
      {others.length === 0 ? (
        <p>No other spokesperson gives interviews at the moment.</p>
      ) : (
        <>
          <label htmlFor={`${id}-person`}>Reassign to</label>
          <select id={`${id}-person`} value={personId} onChange={(event) => { setPersonId(event.target.value); setStart(null); }}>
            {others.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {personLabel(entry)}
              </option>
            ))}
          </select>
          {target && mismatches(target, request).length > 0 && (
            <p className="queue-warning">
              Note: {target.name} {mismatches(target, request).join('; ')}.
            </p>
          )}
          {target && (
            <>
              <p aria-live="polite">
                <span className="label">Time:</span>{' '}
                {start
                  ? `${inBothZones(start, timeZone, target)}.`
                  : request.requested
                    ? `keeps the requested time, ${inBothZones(request.requested.start.utc, timeZone, target)}, unless you pick one of ${firstName(target.name)}’s free times below.`
                    : `keeps the reporter’s proposed times, unless you pick one of ${firstName(target.name)}’s free times below.`}
              </p>
              <TimeAdvice spokesperson={target} start={timeToCheck} durationMinutes={request.durationMinutes} excludeRequestId={request.id} override={overrideHours} onOverride={setOverrideHours} />
              {start && (
                <button type="button" className="secondary" onClick={() => setStart(null)}>
                  {request.requested ? 'Keep the requested time instead' : 'Keep the reporter’s times instead'}
                </button>
              )}
              <FreeSlotPicker key={target.id} person={target} durationMinutes={request.durationMinutes} timeZone={timeZone} reporter={request.reporter} isPicked={(slotStart) => slotStart === start} onPick={(slot) => setStart((current) => (current === slot.start ? null : slot.start))} />
            </>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="actions">
        {target && (
          <button type="submit" disabled={reassign.isPending}>
            Reassign {request.reference} to {target.name}
          </button>
        )}{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
