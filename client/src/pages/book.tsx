import { useId, useMemo, useRef, useState } from 'react';
import { TRPCClientError } from '@trpc/client';
import { api } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { ZonePicker } from '../components/zone-picker';
import { browserTimeZone, formatDate, formatTime, zoneCity, wallTimeToInstant } from '../time';
import { navigate } from '../router';
import { languageName } from './home';

const DAY = 86_400_000;
const WINDOW_DAYS = 14;

const attributionHelp: Record<string, string> = {
  on_record: 'On the record: you may quote the spokesperson by name.',
  background: 'Background: you may use what is said, attributed only as agreed (e.g. “a coalition official”).',
  off_record: 'Off the record: for your understanding only, not for publication.',
};
const formatNames: Record<string, string> = { phone: 'Phone', whatsapp: 'WhatsApp', video: 'Video call', studio: 'Studio', in_person: 'In person', written: 'Written Q&A' };

type Slot = { start: string; end: string; spokesperson: { start: string; end: string } };

export function BookPage({ spokesperson: idOrSlug, releaseId }: { spokesperson: string; releaseId?: string }) {
  const person = useQuery(() => api.spokespeople.get.query({ id: idOrSlug }), [idOrSlug]);
  return <Loaded state={person} label="the spokesperson">{(data) => <Booking person={data} releaseId={releaseId} />}</Loaded>;
}

type Person = Awaited<ReturnType<typeof api.spokespeople.get.query>>;

function Booking({ person, releaseId }: { person: Person; releaseId?: string }) {
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [duration, setDuration] = useState(person.defaultDurationMinutes);
  // Whole hours, so reporters opening the picker in the same hour ask the same question (cached answers).
  const [windowStart, setWindowStart] = useState(() => Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const from = new Date(windowStart).toISOString();
  const to = new Date(windowStart + WINDOW_DAYS * DAY).toISOString();
  const slots = useQuery(() => api.availability.slots.query({ spokespersonId: person.id, from, to, timeZone, duration }), [person.id, from, to, timeZone, duration]);

  return (
    <>
      <h1>Request an interview with {person.name}</h1>
      <p className="lede">
        {person.title}. Times are shown in your time zone, with {person.name.split(' ')[0]}’s local time ({zoneCity(person.timeZone)}) beside each.
      </p>
      <div className="filters">
        <ZonePicker value={timeZone} onChange={(zone) => { setTimeZone(zone); setChosen(null); }} />
        <div>
          <label htmlFor="duration">Length</label>
          <select id="duration" value={duration} onChange={(event) => { setDuration(Number(event.target.value)); setChosen(null); }}>
            {person.allowedDurations.map((minutes) => (
              <option key={minutes} value={minutes}>{minutes} minutes</option>
            ))}
          </select>
        </div>
      </div>
      <section aria-labelledby="slots-heading">
        <h2 id="slots-heading">Free times, {zoneCity(timeZone)} time</h2>
        <Loaded state={slots} label="free times">
          {(data) =>
            data.days.length === 0 ? (
              <NoSlots personId={person.id} timeZone={timeZone} duration={duration} after={windowStart + WINDOW_DAYS * DAY} onJump={(start) => setWindowStart(start)} />
            ) : (
              <div className="days">
                {data.days.map((day) => (
                  <div key={day.date} className="day" role="group" aria-label={formatDate(day.date)}>
                    <h3>{formatDate(day.date)}</h3>
                    <ul className="slots">
                      {day.slots.map((slot) => (
                        <li key={slot.start}>
                          <button type="button" className="slot" aria-pressed={chosen?.start === slot.start} onClick={() => setChosen(slot)}>
                            <span className="viewer-time">{formatTime(slot.start, timeZone)}</span>
                            <span className="other-time">{formatTime(slot.spokesperson.start, person.timeZone)} in {zoneCity(person.timeZone)}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )
          }
        </Loaded>
      </section>
      {chosen && <RequestForm person={person} slot={chosen} duration={duration} timeZone={timeZone} releaseId={releaseId} />}
    </>
  );
}

function NoSlots({ personId, timeZone, duration, after, onJump }: { personId: string; timeZone: string; duration: number; after: number; onJump: (start: number) => void }) {
  const later = useQuery(() => api.availability.slots.query({ spokespersonId: personId, from: new Date(after).toISOString(), to: new Date(after + 62 * DAY).toISOString(), timeZone, duration }), [personId, timeZone, duration, after]);
  return (
    <div role="status">
      <p>No free times in the next {WINDOW_DAYS} days.</p>
      {later.status === 'ready' && later.data.days[0] ? (
        <button type="button" onClick={() => onJump(Math.floor(new Date(later.data.days[0]!.slots[0]!.start).getTime() / 3_600_000) * 3_600_000)}>
          Show the nearest free day: {formatDate(later.data.days[0].date)}
        </button>
      ) : later.status === 'ready' ? (
        <p>Nothing in the two months after either: please contact the press office directly.</p>
      ) : null}
    </div>
  );
}

type FieldErrors = Record<string, string[]>;

function RequestForm({ person, slot, duration, timeZone, releaseId }: { person: Person; slot: Slot; duration: number; timeZone: string; releaseId?: string }) {
  const id = useId();
  // One key per form: a double click or a retry after a network error never makes two requests.
  const idempotencyKey = useRef(crypto.randomUUID()).current;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [format, setFormat] = useState(person.formats[0] ?? 'video');
  const [attribution, setAttribution] = useState('on_record');
  const field = (name: string) => fieldErrors[name]?.join(' ');
  const describedBy = (name: string) => (fieldErrors[name] ? `${id}-${name}-error` : undefined);
  const errorText = (name: string) => fieldErrors[name] && <span id={`${id}-${name}-error`} className="field-error">{field(name)}</span>;
  const defaultDeadline = useMemo(() => slot.start.slice(0, 16), [slot.start]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setSubmitting(true);
    setError(null);
    setFieldErrors({});
    try {
      const created = await api.requests.create.mutate({
        idempotencyKey,
        spokespersonId: person.id,
        ...(releaseId ? { releaseId } : {}),
        start: slot.start,
        durationMinutes: duration,
        format: format as 'video',
        language: text('language'),
        attribution: attribution as 'on_record',
        topic: text('topic'),
        questions: text('questions'),
        reporter: {
          name: text('name'),
          email: text('email'),
          outlet: text('outlet'),
          ...(text('role') ? { role: text('role') } : {}),
          ...(text('phone') ? { phone: text('phone') } : {}),
          ...(text('whatsapp') ? { whatsapp: text('whatsapp') } : {}),
          timeZone,
        },
        deadline: wallTimeToInstant(text('deadline'), timeZone),
      });
      navigate(`/manage/${created.reference}?token=${encodeURIComponent(created.manageToken)}&new=1`);
    } catch (caught) {
      const data = caught instanceof TRPCClientError ? (caught.data as { fieldErrors?: FieldErrors } | undefined) : undefined;
      setFieldErrors(data?.fieldErrors ?? {});
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        Your request: {formatTime(slot.start, timeZone)} your time ({formatTime(slot.spokesperson.start, person.timeZone)} in {zoneCity(person.timeZone)})
      </h2>
      <form onSubmit={submit} noValidate>
        {error && <p role="alert" className="form-error">{error}</p>}
        <label htmlFor={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} name="name" autoComplete="name" required aria-describedby={describedBy('reporter.name')} />
        {errorText('reporter.name')}
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required aria-describedby={describedBy('reporter.email')} />
        {errorText('reporter.email')}
        <label htmlFor={`${id}-outlet`}>Outlet</label>
        <input id={`${id}-outlet`} name="outlet" required aria-describedby={describedBy('reporter.outlet')} />
        {errorText('reporter.outlet')}
        <label htmlFor={`${id}-role`}>Your role (optional)</label>
        <input id={`${id}-role`} name="role" />
        <label htmlFor={`${id}-phone`}>Phone, with country code</label>
        <input id={`${id}-phone`} name="phone" type="tel" autoComplete="tel" placeholder="+1 202 555 0104" aria-describedby={describedBy('reporter.phone')} />
        {errorText('reporter.phone')}
        <label htmlFor={`${id}-whatsapp`}>WhatsApp (optional)</label>
        <input id={`${id}-whatsapp`} name="whatsapp" type="tel" aria-describedby={describedBy('reporter.whatsapp')} />
        {errorText('reporter.whatsapp')}
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.target.value)}>
          {person.formats.map((value) => <option key={value} value={value}>{formatNames[value] ?? value}</option>)}
        </select>
        <label htmlFor={`${id}-language`}>Interview language</label>
        <select id={`${id}-language`} name="language" defaultValue={person.languages[0]}>
          {person.languages.map((tag) => <option key={tag} value={tag}>{languageName(tag)}</option>)}
        </select>
        <fieldset>
          <legend>Attribution terms</legend>
          {Object.entries(attributionHelp).map(([value, help]) => (
            <label key={value} className="radio">
              <input type="radio" name="attribution" value={value} checked={attribution === value} onChange={() => setAttribution(value)} /> {help}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-topic`}>Topic</label>
        <input id={`${id}-topic`} name="topic" required aria-describedby={describedBy('topic')} />
        {errorText('topic')}
        <label htmlFor={`${id}-questions`}>Questions (optional)</label>
        <textarea id={`${id}-questions`} name="questions" rows={4} />
        <label htmlFor={`${id}-deadline`}>Your deadline ({zoneCity(timeZone)} time)</label>
        <input id={`${id}-deadline`} name="deadline" type="datetime-local" defaultValue={defaultDeadline} required aria-describedby={describedBy('deadline')} />
        {errorText('deadline')}
        <button type="submit" disabled={submitting}>{submitting ? 'Sending…' : 'Request an interview'}</button>
      </form>
    </section>
  );
}
