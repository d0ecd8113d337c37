// Offer the reporter up to three free times, with this spokesperson or
// others, from live availability; each time shown in the desk's, the
// spokesperson's and the reporter's zones.
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { FreeSlotPicker, type FreeSlot } from '../../components/free-slot-picker';
import { formatDateTime, zoneCity } from '../../time';
import { inBothZones } from './queue-format';
import { mismatches, personLabel } from './spokesperson-fit';
import type { Act, PublicSpokesperson, QueueRequest } from './queue-types';

/** The desk offers at most this many times at once (the reporter reads them in one email). */
const MAX_PROPOSED = 3;

type PickedTime = { start: string; person: PublicSpokesperson };

export function ProposeForm({ request, timeZone, spokespeople, act, onClose }: { request: QueueRequest; timeZone: string; spokespeople: PublicSpokesperson[]; act: Act; onClose: () => void }) {
  const id = useId();
  const trpc = useTRPC();
  const propose = useMutation(trpc.desk.requests.propose.mutationOptions());
  const [personId, setPersonId] = useState(() => request.spokesperson?.id ?? spokespeople[0]?.id ?? '');
  const [picked, setPicked] = useState<PickedTime[]>([]);
  const [message, setMessage] = useState('');
  const [autoAccept, setAutoAccept] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const person = spokespeople.find((entry) => entry.id === personId);
  const reporter = { name: request.reporter.name, timeZone: request.reporter.timeZone };
  const full = picked.length >= MAX_PROPOSED;
  const isPicked = (start: string) => picked.some((entry) => entry.person.id === personId && entry.start === start);
  const toggle = (slot: FreeSlot) => {
    if (!person) return;
    setPicked((list) => (list.some((entry) => entry.person.id === person.id && entry.start === slot.start) ? list.filter((entry) => !(entry.person.id === person.id && entry.start === slot.start)) : list.length < MAX_PROPOSED ? [...list, { start: slot.start, person }] : list));
  };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (propose.isPending) return;
    if (picked.length === 0) {
      setError('Pick at least one free time first.');
      return;
    }
    setError(null);
    const failure = await act(
      request,
      `Propose times for ${request.reference}`,
      () => propose.mutateAsync({ requestId: request.id, slots: picked.map((entry) => ({ start: entry.start, spokespersonId: entry.person.id })), ...(message.trim() ? { message: message.trim() } : {}), autoAccept }),
      (result) => `${result.proposals.filter((proposal) => proposal.by === 'desk').length} time(s) sent to the reporter.`,
    );
    if (failure) setError(errorMessage(failure.error));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Propose other times for {request.reference}
      </h3>
      <p className="meta">Pick up to {MAX_PROPOSED} free times, with {request.spokesperson?.name ?? 'any spokesperson'} or someone else; the reporter picks one.</p>
      {spokespeople.length === 0 ? (
        <p>No spokesperson gives interviews at the moment.</p>
      ) : (
        <>
          <label htmlFor={`${id}-person`}>Spokesperson</label>
          <select id={`${id}-person`} value={personId} onChange={(event) => setPersonId(event.target.value)}>
            {spokespeople.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {personLabel(entry)}
              </option>
            ))}
          </select>
          {person && mismatches(person, request).length > 0 && (
            <p className="queue-warning">
              Note: {person.name} {mismatches(person, request).join('; ')}.
            </p>
          )}
          {person && <FreeSlotPicker key={person.id} person={person} durationMinutes={request.durationMinutes} timeZone={timeZone} reporter={reporter} isPicked={isPicked} onPick={toggle} full={full} />}
        </>
      )}
      <h4>
        Times to offer ({picked.length} of {MAX_PROPOSED})
      </h4>
      {picked.length === 0 ? (
        <p>None picked yet.</p>
      ) : (
        <ul className="queue-picked">
          {picked.map((entry) => (
            <li key={`${entry.person.id}-${entry.start}`}>
              {inBothZones(entry.start, timeZone, entry.person)} · {formatDateTime(entry.start, reporter.timeZone)} for the reporter in {zoneCity(reporter.timeZone)}, with {entry.person.name}{' '}
              <button type="button" className="secondary" onClick={() => setPicked((list) => list.filter((other) => other !== entry))}>
                Remove<span className="visually-hidden"> {formatDateTime(entry.start, timeZone)} with {entry.person.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {full && <p className="meta">{MAX_PROPOSED} times picked: remove one to pick another.</p>}
      <label htmlFor={`${id}-message`}>Message to the reporter (optional)</label>
      <textarea id={`${id}-message`} rows={2} value={message} onChange={(event) => setMessage(event.target.value)} />
      <label className="queue-option">
        <input type="checkbox" checked={autoAccept} onChange={(event) => setAutoAccept(event.target.checked)} /> Book at once when the reporter picks a time
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={propose.isPending}>
          Send {picked.length || ''} proposed time{picked.length === 1 ? '' : 's'}
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
