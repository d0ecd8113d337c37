import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TRPCClientError } from '@trpc/client';
import { api } from '../api/trpc';
import { useQuery, type QueryState } from '../api/use-query';
import { useEagerQuery } from '../components/use-eager-query';
import { Loaded } from '../components/query-state';
import { ZonePicker } from '../components/zone-picker';
import { formatName, languageName, matchLanguage } from '../components/interview-options';
import { browserTimeZone, formatDate, formatTime, zoneCity, wallTimeToInstant } from '../time';
import { navigate, onLinkClick, useLocation } from '../router';
import { EmbargoTermsField, embargoRequestFields } from './embargo-terms-field';
import './book.css';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WINDOW_DAYS = 14;
/** How far past the shown window the empty state looks for the nearest free day (the slot query's limit). */
const LOOKAHEAD_DAYS = 62;

// Whole hours, so reporters opening the picker in the same hour ask the same question (cached answers).
const startOfHour = (instant: number) => Math.floor(instant / HOUR) * HOUR;

const attributionHelp: Record<string, string> = {
  on_record: 'On the record: you may quote the spokesperson by name.',
  background: 'Background: you may use what is said, attributed only as agreed (e.g. “a coalition official”).',
  off_record: 'Off the record: for your understanding only, not for publication.',
};

type Person = Awaited<ReturnType<typeof api.spokespeople.get.query>>;

const personQuery = (idOrSlug: string) => api.spokespeople.get.query({ id: idOrSlug });
const slotsQuery = (idOrSlug: string, windowStart: number, timeZone: string, duration: number | undefined) =>
  api.availability.slots.query({
    spokespersonId: idOrSlug,
    from: new Date(windowStart).toISOString(),
    to: new Date(windowStart + WINDOW_DAYS * DAY).toISOString(),
    timeZone,
    ...(duration ? { duration } : {}),
  });

/**
 * When the app is opened on a booking page, its two queries start as this
 * module loads, before React's first render and paint (which otherwise hold
 * them back by tens of milliseconds). BookPage adopts them if it asks the
 * same questions; anything else is asked afresh.
 */
const startedEarly = new Map<string, Promise<unknown>>();
function adoptOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
  const started = startedEarly.get(key) as Promise<T> | undefined;
  startedEarly.delete(key);
  return started ?? load();
}
function startBookingQueriesEarly() {
  const match = /^\/book\/([^/]+)$/.exec(window.location.pathname);
  if (match) {
    let idOrSlug: string;
    try {
      idOrSlug = decodeURIComponent(match[1]!);
    } catch {
      return; // a malformed address: the page itself says so
    }
    const windowStart = startOfHour(Date.now());
    const timeZone = browserTimeZone();
    const early = [
      [`person|${idOrSlug}`, personQuery(idOrSlug)],
      [`slots|${idOrSlug}|${windowStart}|${timeZone}|`, slotsQuery(idOrSlug, windowStart, timeZone, undefined)],
    ] as const;
    for (const [key, promise] of early) {
      promise.catch(() => {}); // reported when BookPage adopts it
      startedEarly.set(key, promise);
    }
  }
}
startBookingQueriesEarly();

type SlotsAnswer = Awaited<ReturnType<typeof api.availability.slots.query>>;
type Slot = SlotsAnswer['days'][number]['slots'][number];

/**
 * The slot picker and request form for one spokesperson (`/book/<slug>`).
 * `?language=` and `?format=` (from the topic search) preselect the interview's language and format.
 */
export function BookPage({ spokesperson: idOrSlug, releaseId }: { spokesperson: string; releaseId?: string }) {
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  // Unset until the reporter picks a length: the server then answers with the spokesperson's default.
  const [duration, setDuration] = useState<number | undefined>(undefined);
  const [windowStart, setWindowStart] = useState(() => startOfHour(Date.now()));
  // Both queries start at once, while rendering (tRPC batches them into one
  // round trip): the slots are asked for by the link's id or slug, not by the
  // id in the profile, so the picker never waits for one answer to ask the other.
  const person = useEagerQuery(() => adoptOrLoad(`person|${idOrSlug}`, () => personQuery(idOrSlug)), [idOrSlug]);
  const slots = useEagerQuery(
    () => adoptOrLoad(`slots|${idOrSlug}|${windowStart}|${timeZone}|${duration ?? ''}`, () => slotsQuery(idOrSlug, windowStart, timeZone, duration)),
    [idOrSlug, windowStart, timeZone, duration],
  );
  return (
    <Loaded state={person} label="the spokesperson">
      {(data) => (
        <Booking
          person={data}
          slots={slots}
          releaseId={releaseId}
          timeZone={timeZone}
          onTimeZone={setTimeZone}
          duration={duration ?? data.defaultDurationMinutes}
          onDuration={setDuration}
          windowStart={windowStart}
          onWindowStart={setWindowStart}
        />
      )}
    </Loaded>
  );
}

function Booking(props: {
  person: Person;
  slots: QueryState<SlotsAnswer>;
  releaseId?: string;
  timeZone: string;
  onTimeZone: (zone: string) => void;
  duration: number;
  onDuration: (minutes: number) => void;
  windowStart: number;
  onWindowStart: (start: number) => void;
}) {
  const { person, slots, timeZone, duration, windowStart } = props;
  const { search } = useLocation();
  const wanted = useMemo(() => new URLSearchParams(search), [search]);
  const wantedLanguage = wanted.get('language');
  const wantedFormat = wanted.get('format');
  const [language, setLanguage] = useState(() => matchLanguage(person.languages, wantedLanguage) ?? person.languages[0] ?? 'en');
  // Without a preference, a video call when offered: it needs nothing more from the reporter.
  const [format, setFormat] = useState(() => (wantedFormat && person.formats.includes(wantedFormat) ? wantedFormat : person.formats.includes('video') ? 'video' : (person.formats[0] ?? 'video')));
  const [chosen, setChosen] = useState<Slot | null>(null);
  const firstName = person.name.split(' ')[0];
  const city = zoneCity(person.timeZone);
  const earliest = startOfHour(Date.now());
  // After a jump to another window, focus goes to its first day once it shows, so keyboard and screen-reader users land on it.
  const focusFirstDay = useRef(false);
  const daysRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (slots.status === 'loading' || !focusFirstDay.current) return;
    focusFirstDay.current = false;
    daysRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [slots.status]);
  const moveWindow = (start: number) => {
    focusFirstDay.current = true;
    setChosen(null);
    props.onWindowStart(Math.max(earliest, start));
  };
  // A language or format asked for in the link (from the topic search) that this spokesperson does not offer.
  const unsupported = [
    wantedLanguage && !matchLanguage(person.languages, wantedLanguage) ? `${firstName} does not give interviews in ${languageName(wantedLanguage)}.` : null,
    wantedFormat && !person.formats.includes(wantedFormat) ? `${firstName} does not give ${formatName(wantedFormat).toLowerCase()} interviews.` : null,
  ].filter(Boolean);

  return (
    <>
      <h1>Request an interview with {person.name}</h1>
      <p className="lede">
        {person.title}. Times are shown in your time zone, with {firstName}’s local time ({city}) beside each.
      </p>
      {unsupported.length > 0 && (
        <p className="notice" role="status">
          {unsupported.join(' ')} <a href="/" onClick={onLinkClick}>Find someone else on your topic</a>, or choose below.
        </p>
      )}
      <div className="filters booking-filters">
        <ZonePicker
          value={timeZone}
          onChange={(zone) => {
            props.onTimeZone(zone);
            setChosen(null);
          }}
        />
        <div>
          <label htmlFor="duration">Length</label>
          <select
            id="duration"
            value={duration}
            onChange={(event) => {
              props.onDuration(Number(event.target.value));
              setChosen(null);
            }}
          >
            {person.allowedDurations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="language-choice">Language</label>
          <select id="language-choice" value={language} onChange={(event) => setLanguage(event.target.value)}>
            {person.languages.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="format-choice">Interview type</label>
          <select id="format-choice" value={format} onChange={(event) => setFormat(event.target.value)}>
            {person.formats.map((value) => (
              <option key={value} value={value}>
                {formatName(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section aria-labelledby="slots-heading">
        <h2 id="slots-heading">Free times, {zoneCity(timeZone)} time</h2>
        <div className="window-nav">
          <button type="button" className="secondary" disabled={windowStart <= earliest} onClick={() => moveWindow(windowStart - WINDOW_DAYS * DAY)}>
            Earlier times
          </button>
          <button type="button" className="secondary" onClick={() => moveWindow(windowStart + WINDOW_DAYS * DAY)}>
            Later times
          </button>
        </div>
        <Loaded state={slots} label="free times">
          {(data) =>
            data.days.length === 0 ? (
              <NoSlots
                spokesperson={person.id}
                timeZone={timeZone}
                duration={duration}
                after={windowStart + WINDOW_DAYS * DAY}
                onJump={(start) => moveWindow(startOfHour(start))}
              />
            ) : (
              <div className="days" ref={daysRef}>
                {data.days.map((day) => (
                  <div key={day.date} className="day" role="group" aria-labelledby={`day-${day.date}`}>
                    <h3 id={`day-${day.date}`} tabIndex={-1}>
                      {formatDate(day.date)}
                    </h3>
                    <ul className="slots">
                      {day.slots.map((slot) => (
                        <li key={slot.start}>
                          <button type="button" className="slot" aria-pressed={chosen?.start === slot.start} onClick={() => setChosen(slot)}>
                            <span className="viewer-time">{formatTime(slot.start, timeZone)}</span>
                            <span className="other-time">
                              {formatTime(slot.spokesperson.start, person.timeZone)}
                              {/* Another calendar day where the spokesperson is: say which. */}
                              {slot.spokesperson.start.slice(0, 10) !== day.date && ` ${weekdayOf(slot.spokesperson.start.slice(0, 10))}`} in {city}
                            </span>
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
      {chosen && (
        <RequestForm
          person={person}
          slot={chosen}
          duration={duration}
          timeZone={timeZone}
          releaseId={props.releaseId}
          format={format}
          onFormat={setFormat}
          language={language}
          onLanguage={setLanguage}
        />
      )}
    </>
  );
}

/** "Tue" for a YYYY-MM-DD date, in the browser's locale. */
function weekdayOf(date: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${date}T12:00:00Z`));
}

/** The empty state: nothing free in the window, so look further and offer to jump to the nearest free day. */
function NoSlots({ spokesperson, timeZone, duration, after, onJump }: { spokesperson: string; timeZone: string; duration: number; after: number; onJump: (start: number) => void }) {
  const later = useQuery(
    () => api.availability.slots.query({ spokespersonId: spokesperson, from: new Date(after).toISOString(), to: new Date(after + LOOKAHEAD_DAYS * DAY).toISOString(), timeZone, duration }),
    [spokesperson, timeZone, duration, after],
  );
  const nearest = later.status === 'ready' ? later.data.days[0] : undefined;
  return (
    <div className="no-slots" role="status">
      <p>No free times in these {WINDOW_DAYS} days.</p>
      {later.status === 'loading' && <p>Looking for the nearest free day…</p>}
      {later.status === 'error' && <p>Could not look further ahead: {later.message}</p>}
      {nearest && (
        <button type="button" onClick={() => onJump(Date.parse(nearest.slots[0]!.start))}>
          Show the nearest free day: {formatDate(nearest.date)}
        </button>
      )}
      {later.status === 'ready' && !nearest && <p>Nothing in the two months after either: please contact the press office directly.</p>}
    </div>
  );
}

type FieldErrors = Record<string, string[]>;

/** Fields the form shows, by the server's dotted input path; errors on others go in the summary. */
const shownFields = ['reporter.name', 'reporter.email', 'reporter.outlet', 'reporter.role', 'reporter.phone', 'reporter.whatsapp', 'format', 'language', 'topic', 'questions', 'deadline'];

/** A random idempotency key; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

function RequestForm(props: {
  person: Person;
  slot: Slot;
  duration: number;
  timeZone: string;
  releaseId?: string;
  format: string;
  onFormat: (format: string) => void;
  language: string;
  onLanguage: (language: string) => void;
}) {
  const { person, slot, duration, timeZone, releaseId, format, language } = props;
  const id = useId();
  // One key per form: a double click or a retry after a network error never makes two requests.
  const [idempotencyKey] = useState(newIdempotencyKey);
  // A ref as well as state: a second click can arrive before React has re-rendered the disabled button.
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ message: string; others: string[] } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attribution, setAttribution] = useState('on_record');
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const defaultDeadline = useMemo(() => slot.start.slice(0, 16), [slot.start]);
  const city = zoneCity(person.timeZone);

  // Choosing a slot brings its form into view (below the fold on a phone);
  // choosing another keeps what was typed (and the idempotency key).
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [slot.start]);

  // After a refused submission, focus goes to the first field to fix (or the summary), once they show.
  const focusFirstError = useRef(false);
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error'))?.focus();
  }, [fieldErrors, error]);

  const describedBy = (name: string, hint?: string) => [hint, fieldErrors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (name: string) =>
    fieldErrors[name] && (
      <span id={`${id}-${name}-error`} className="field-error">
        {fieldErrors[name]!.join(' ')}
      </span>
    );
  const invalid = (name: string) => (fieldErrors[name] ? true : undefined);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setSubmitting(true);
    setError(null);
    setFieldErrors({});
    try {
      const created = await api.requests.create.mutate({
        idempotencyKey,
        spokespersonId: person.id,
        ...(releaseId ? { releaseId, ...embargoRequestFields(form) } : {}),
        start: slot.start,
        durationMinutes: duration,
        format: format as 'video',
        language,
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
      const data = caught instanceof TRPCClientError ? (caught.data as { fieldErrors?: FieldErrors; formErrors?: string[] } | undefined) : undefined;
      const fields = data?.fieldErrors ?? {};
      const others = [...(data?.formErrors ?? []), ...Object.entries(fields).filter(([name]) => !shownFields.includes(name)).flatMap(([, messages]) => messages)];
      const hasFieldErrors = Object.keys(fields).some((name) => shownFields.includes(name));
      setFieldErrors(fields);
      setError({ message: hasFieldErrors ? 'Please correct the fields marked below.' : caught instanceof Error ? caught.message : 'Something went wrong.', others });
      inFlight.current = false;
      setSubmitting(false);
      focusFirstError.current = true;
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="request-form">
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Your request: {formatDate(slot.start.slice(0, 10))}, {formatTime(slot.start, timeZone)} your time ({formatTime(slot.spokesperson.start, person.timeZone)} in {city})
      </h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        {error && (
          <div role="alert" className="form-error" tabIndex={-1}>
            <p>{error.message}</p>
            {error.others.length > 0 && (
              <ul>
                {error.others.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <label htmlFor={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} name="name" autoComplete="name" required aria-invalid={invalid('reporter.name')} aria-describedby={describedBy('reporter.name')} />
        {errorText('reporter.name')}
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required aria-invalid={invalid('reporter.email')} aria-describedby={describedBy('reporter.email')} />
        {errorText('reporter.email')}
        <label htmlFor={`${id}-outlet`}>Outlet</label>
        <input id={`${id}-outlet`} name="outlet" autoComplete="organization" required aria-invalid={invalid('reporter.outlet')} aria-describedby={describedBy('reporter.outlet')} />
        {errorText('reporter.outlet')}
        <label htmlFor={`${id}-role`}>Your role (optional)</label>
        <input id={`${id}-role`} name="role" autoComplete="organization-title" aria-invalid={invalid('reporter.role')} aria-describedby={describedBy('reporter.role')} />
        {errorText('reporter.role')}
        <label htmlFor={`${id}-phone`}>Phone, with country code</label>
        <input id={`${id}-phone`} name="phone" type="tel" autoComplete="tel" placeholder="+1 202 555 0104" aria-invalid={invalid('reporter.phone')} aria-describedby={describedBy('reporter.phone')} />
        {errorText('reporter.phone')}
        <label htmlFor={`${id}-whatsapp`}>WhatsApp (optional)</label>
        <input id={`${id}-whatsapp`} name="whatsapp" type="tel" aria-invalid={invalid('reporter.whatsapp')} aria-describedby={describedBy('reporter.whatsapp')} />
        {errorText('reporter.whatsapp')}
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(event) => props.onFormat(event.target.value)} aria-invalid={invalid('format')} aria-describedby={describedBy('format')}>
          {person.formats.map((value) => (
            <option key={value} value={value}>
              {formatName(value)}
            </option>
          ))}
        </select>
        {errorText('format')}
        <label htmlFor={`${id}-language`}>Interview language</label>
        <select id={`${id}-language`} value={language} onChange={(event) => props.onLanguage(event.target.value)} aria-invalid={invalid('language')} aria-describedby={describedBy('language')}>
          {person.languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag)}
            </option>
          ))}
        </select>
        {errorText('language')}
        <fieldset>
          <legend>Attribution terms</legend>
          {Object.entries(attributionHelp).map(([value, help]) => (
            <label key={value} className="radio">
              <input type="radio" name="attribution" value={value} checked={attribution === value} onChange={() => setAttribution(value)} /> {help}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-topic`}>Topic</label>
        <input id={`${id}-topic`} name="topic" required aria-invalid={invalid('topic')} aria-describedby={describedBy('topic')} />
        {errorText('topic')}
        <label htmlFor={`${id}-questions`}>Questions (optional)</label>
        <textarea id={`${id}-questions`} name="questions" rows={4} aria-invalid={invalid('questions')} aria-describedby={describedBy('questions')} />
        {errorText('questions')}
        <label htmlFor={`${id}-deadline`}>Your deadline ({zoneCity(timeZone)} time)</label>
        <input id={`${id}-deadline`} name="deadline" type="datetime-local" defaultValue={defaultDeadline} required aria-invalid={invalid('deadline')} aria-describedby={describedBy('deadline')} />
        {errorText('deadline')}
        <EmbargoTermsField />
        <button type="submit" disabled={submitting}>
          {submitting ? 'Sending…' : 'Request an interview'}
        </button>
      </form>
    </section>
  );
}
