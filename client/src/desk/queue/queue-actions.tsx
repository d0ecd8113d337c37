// The queue's inline forms: decline with a reason, propose other times from
// live availability (any spokesperson), reassign to another spokesperson.
import { useEffect, useId, useRef, useState } from 'react';
import { api, errorMessage } from '../../api/trpc';
import { useQuery } from '../../api/use-query';
import { Loaded } from '../../components/query-state';
import { formatDate, formatDateTime, formatTime, zoneCity } from '../../time';
import { fieldErrorsOf, firstName, inBothZones } from './queue-format';
import { formatNameInSentence, languageName } from '../../components/interview-options';
import type { Act, PublicSpokesperson, QueueRequest } from './queue-page';

/** The desk offers at most this many times at once (the reporter reads them in one email). */
const MAX_PROPOSED = 3;
const DAY = 86_400_000;
const WINDOW_DAYS = 14;
/** Days of free times shown at first, and added by "Show more days". */
const DAYS_STEP = 3;

type Slot = { start: string; end: string; spokesperson: { start: string; end: string } };

function personLabel(person: PublicSpokesperson) {
  return `${person.name} (${zoneCity(person.timeZone)}; ${person.languages.map((tag) => languageName(tag)).join(', ')})`;
}

function sameLanguage(a: string, b: string) {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** Why a spokesperson may not suit this request (language, format, length), in words; empty when they do. */
function mismatches(person: PublicSpokesperson, request: QueueRequest): string[] {
  const notes: string[] = [];
  const languages: string[] = person.languages;
  if (!languages.some((tag) => sameLanguage(tag, request.language))) notes.push(`does not list ${languageName(request.language)}`);
  if (!person.formats.includes(request.format)) notes.push(`does not do ${formatNameInSentence(request.format)} interviews`);
  if (!person.allowedDurations.includes(request.durationMinutes)) notes.push(`gives interviews of ${person.allowedDurations.join(', ')} minutes, not ${request.durationMinutes}`);
  return notes;
}

/** Free times of one spokesperson for the request's length, from availability.slots, as toggle buttons. */
function SlotPicker({ person, durationMinutes, timeZone, isPicked, onPick, full }: { person: PublicSpokesperson; durationMinutes: number; timeZone: string; isPicked: (start: string) => boolean; onPick: (slot: Slot) => void; full: boolean }) {
  // Whole hours, as the reporter's picker does, so the same question gets the server's cached answer.
  const [from] = useState(() => Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const [daysShown, setDaysShown] = useState(DAYS_STEP);
  const slots = useQuery(
    () => api.availability.slots.query({ spokespersonId: person.id, from: new Date(from).toISOString(), to: new Date(from + WINDOW_DAYS * DAY).toISOString(), timeZone, duration: durationMinutes }),
    [person.id, from, timeZone, durationMinutes],
  );
  useEffect(() => setDaysShown(DAYS_STEP), [person.id]);
  return (
    <div className="queue-slots">
      <Loaded state={slots} label={`${person.name}’s free times`}>
        {(data) =>
          data.days.length === 0 ? (
            <p>
              {person.name} has no free {durationMinutes}-minute times in the next {WINDOW_DAYS} days.
            </p>
          ) : (
            <>
              <p className="meta">
                {person.name}’s free {durationMinutes}-minute times in {zoneCity(timeZone)} time, with {firstName(person.name)}’s time in {zoneCity(person.timeZone)} beneath.
              </p>
              <div className="days">
                {data.days.slice(0, daysShown).map((day) => (
                  <div key={day.date} className="day" role="group" aria-label={formatDate(day.date)}>
                    <h4>{formatDate(day.date)}</h4>
                    <ul className="slots">
                      {day.slots.map((slot) => {
                        const picked = isPicked(slot.start);
                        return (
                          <li key={slot.start}>
                            <button type="button" className="slot" aria-pressed={picked} disabled={full && !picked} onClick={() => onPick(slot)}>
                              <span className="viewer-time">{formatTime(slot.start, timeZone)}</span>
                              <span className="other-time">
                                {formatTime(slot.spokesperson.start, person.timeZone)} in {zoneCity(person.timeZone)}
                              </span>
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </div>
              {daysShown < data.days.length && (
                <button type="button" className="secondary" onClick={() => setDaysShown((value) => value + DAYS_STEP)}>
                  Show more days
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </div>
  );
}

/** Decline with a reason the reporter reads; the server's message shows beside the field. */
export function DeclineForm({ request, act, onClose }: { request: QueueRequest; act: Act; onClose: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFieldError(null);
    setFormError(null);
    const failure = await act(request, `Decline ${request.reference}`, () => api.desk.requests.decline.mutate({ requestId: request.id, reason }), () => 'The reporter gets the reason by email.');
    setBusy(false);
    if (!failure) return;
    const fields = fieldErrorsOf(failure.error);
    if (fields.reason) {
      setFieldError(fields.reason.join(' '));
      field.current?.focus();
    } else {
      setFormError(errorMessage(failure.error));
    }
  }

  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate aria-label={`Decline ${request.reference}`}>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>Reason for the reporter</label>
      <p id={`${id}-hint`} className="meta">
        Sent to {request.reporter.name} by email.
      </p>
      <textarea id={`${id}-reason`} ref={field} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={fieldError ? true : undefined} aria-describedby={describedBy} />
      {fieldError && (
        <span id={`${id}-error`} className="field-error">
          {fieldError}
        </span>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Send the decline
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

type PickedTime = { start: string; person: PublicSpokesperson };

/** Offer the reporter up to three free times, with this spokesperson or others. */
export function ProposeForm({ request, timeZone, spokespeople, act, onClose }: { request: QueueRequest; timeZone: string; spokespeople: PublicSpokesperson[]; act: Act; onClose: () => void }) {
  const id = useId();
  const [personId, setPersonId] = useState(() => request.spokesperson?.id ?? spokespeople[0]?.id ?? '');
  const [picked, setPicked] = useState<PickedTime[]>([]);
  const [message, setMessage] = useState('');
  const [autoAccept, setAutoAccept] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const person = spokespeople.find((entry) => entry.id === personId);
  const full = picked.length >= MAX_PROPOSED;
  const isPicked = (start: string) => picked.some((entry) => entry.person.id === personId && entry.start === start);
  const toggle = (slot: Slot) => {
    if (!person) return;
    setPicked((list) => (list.some((entry) => entry.person.id === person.id && entry.start === slot.start) ? list.filter((entry) => !(entry.person.id === person.id && entry.start === slot.start)) : list.length < MAX_PROPOSED ? [...list, { start: slot.start, person }] : list));
  };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (picked.length === 0) {
      setError('Pick at least one free time first.');
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await act(
      request,
      `Propose times for ${request.reference}`,
      () => api.desk.requests.propose.mutate({ requestId: request.id, slots: picked.map((entry) => ({ start: entry.start, spokespersonId: entry.person.id })), ...(message.trim() ? { message: message.trim() } : {}), autoAccept }),
      (result) => `${result.proposals.filter((proposal) => proposal.by === 'desk').length} time(s) sent to the reporter.`,
    );
    setBusy(false);
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
          {person && <SlotPicker key={person.id} person={person} durationMinutes={request.durationMinutes} timeZone={timeZone} isPicked={isPicked} onPick={toggle} full={full} />}
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
              {inBothZones(entry.start, timeZone, entry.person)}, with {entry.person.name}{' '}
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
        <button type="submit" disabled={busy}>
          Send {picked.length || ''} proposed time{picked.length === 1 ? '' : 's'}
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

/** Give the request to another spokesperson, keeping its time or moving it to one of theirs. */
export function ReassignForm({ request, timeZone, spokespeople, act, onClose }: { request: QueueRequest; timeZone: string; spokespeople: PublicSpokesperson[]; act: Act; onClose: () => void }) {
  const id = useId();
  const others = spokespeople.filter((entry) => entry.id !== request.spokesperson?.id);
  const [personId, setPersonId] = useState(() => others[0]?.id ?? '');
  const [start, setStart] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const target = others.find((entry) => entry.id === personId);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !target) return;
    setBusy(true);
    setError(null);
    const failure = await act(
      request,
      `Reassign ${request.reference}`,
      () => api.desk.requests.reassign.mutate({ requestId: request.id, spokespersonId: target.id, ...(start ? { start } : {}) }),
      (result) => `Now with ${result.spokesperson?.name ?? target.name}${result.requested ? `, ${inBothZones(result.requested.start.utc, timeZone, result.spokesperson)}` : ''}.`,
    );
    setBusy(false);
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
              {start && (
                <button type="button" className="secondary" onClick={() => setStart(null)}>
                  {request.requested ? 'Keep the requested time instead' : 'Keep the reporter’s times instead'}
                </button>
              )}
              <SlotPicker key={target.id} person={target} durationMinutes={request.durationMinutes} timeZone={timeZone} isPicked={(slotStart) => slotStart === start} onPick={(slot) => setStart((current) => (current === slot.start ? null : slot.start))} full={false} />
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
          <button type="submit" disabled={busy}>
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
