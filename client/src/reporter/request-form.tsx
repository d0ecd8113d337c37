import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EmbargoTermsField, embargoRequestFields } from './embargo-terms-field';
import { TRPCClientError } from '@trpc/client';
import { api } from '../api/trpc';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { reporterErrorMessage } from '../i18n/errors';
import { languageName } from '../components/interview-options';
import { formatDate, formatDayMonth, formatTime, localDate, wallTimeToInstant, zoneCity, type Clock } from '../time';
import { navigate } from '../router';

type Person = Awaited<ReturnType<typeof api.spokespeople.get.query>>;
type FieldErrors = Record<string, string[]>;

/** Fields the form shows, by the server's dotted input path; errors on others go in the summary. */
const shownFields = ['reporter.name', 'reporter.email', 'reporter.outlet', 'reporter.role', 'reporter.phone', 'reporter.whatsapp', 'format', 'language', 'topic', 'questions', 'deadline'];

/** A random idempotency key; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * "Tuesday 16 March 2027, 07:00 your time (23:00 in Zurich, Monday 15 March)":
 * the spokesperson's day is named whenever it is not the reporter's.
 */
export function useSlotHeading() {
  const { t, locale } = useI18n();
  return (slot: { start: string; spokesperson: { start: string } }, timeZone: string, spokespersonZone: string, clock: Clock | undefined) => {
    const yourDate = localDate(slot.start, timeZone);
    const theirDate = localDate(slot.spokesperson.start, spokespersonZone);
    const values = {
      day: formatDate(yourDate, locale),
      time: formatTime(slot.start, timeZone, locale, clock),
      theirTime: formatTime(slot.spokesperson.start, spokespersonZone, locale, clock),
      city: zoneCity(spokespersonZone),
      theirDay: formatDayMonth(theirDate, locale),
    };
    return yourDate === theirDate ? t('form.when', values) : t('form.whenOtherDay', values);
  };
}

/** The request form for one chosen slot; on success, the manage page. */
export function RequestForm(props: {
  person: Person;
  slot: { start: string; spokesperson: { start: string } };
  duration: number;
  timeZone: string;
  clock: Clock | undefined;
  releaseId?: string;
  format: string;
  onFormat: (format: string) => void;
  language: string;
  onLanguage: (language: string) => void;
  onChangeTime: () => void;
}) {
  const { person, slot, duration, timeZone, releaseId, format, language } = props;
  const { t, locale, language: uiLanguage } = useI18n();
  const heading = useSlotHeading();
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

  // Choosing a slot brings its form into view and focus to its heading.
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
  // The server's own words on an English page; a translated one per field otherwise.
  const errorText = (name: string) =>
    fieldErrors[name] && (
      <span id={`${id}-${name}-error`} className="field-error">
        {uiLanguage === 'en' ? fieldErrors[name]!.join(' ') : t(`fieldError.${name}` as MessageKey)}
      </span>
    );
  const invalid = (name: string) => (fieldErrors[name] ? true : undefined);
  const field = (name: string, label: string, input: React.InputHTMLAttributes<HTMLInputElement> & { path: string }) => {
    const { path, ...rest } = input;
    return (
      <>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input id={`${id}-${name}`} name={name} aria-invalid={invalid(path)} aria-describedby={describedBy(path)} {...rest} />
        {errorText(path)}
      </>
    );
  };

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
          locale: uiLanguage,
        },
        deadline: wallTimeToInstant(text('deadline'), timeZone),
      });
      navigate(`/manage/${created.reference}?token=${encodeURIComponent(created.manageToken)}&new=1`);
    } catch (caught) {
      const data = caught instanceof TRPCClientError ? (caught.data as { fieldErrors?: FieldErrors; formErrors?: string[] } | undefined) : undefined;
      const fields = data?.fieldErrors ?? {};
      const others = uiLanguage === 'en' ? [...(data?.formErrors ?? []), ...Object.entries(fields).filter(([name]) => !shownFields.includes(name)).flatMap(([, messages]) => messages)] : [];
      const hasFieldErrors = Object.keys(fields).some((name) => shownFields.includes(name));
      setFieldErrors(fields);
      setError({ message: hasFieldErrors ? t('form.fixFields') : reporterErrorMessage(caught, uiLanguage, t), others });
      inFlight.current = false;
      setSubmitting(false);
      focusFirstError.current = true;
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="request-form">
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('form.heading', { when: heading(slot, timeZone, person.timeZone, props.clock) })}
      </h2>
      <button type="button" className="quiet change-time" onClick={props.onChangeTime}>
        {t('form.changeTime')}
      </button>
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
        {field('name', t('form.name'), { path: 'reporter.name', autoComplete: 'name', required: true })}
        {field('email', t('form.email'), { path: 'reporter.email', type: 'email', autoComplete: 'email', required: true })}
        {field('outlet', t('form.outlet'), { path: 'reporter.outlet', autoComplete: 'organization', required: true })}
        {field('role', t('form.role'), { path: 'reporter.role', autoComplete: 'organization-title' })}
        {field('phone', t('form.phone'), { path: 'reporter.phone', type: 'tel', autoComplete: 'tel', placeholder: '+1 202 555 0104' })}
        {field('whatsapp', t('form.whatsapp'), { path: 'reporter.whatsapp', type: 'tel' })}
        <label htmlFor={`${id}-format`}>{t('form.format')}</label>
        <select id={`${id}-format`} value={format} onChange={(event) => props.onFormat(event.target.value)} aria-invalid={invalid('format')} aria-describedby={describedBy('format')}>
          {person.formats.map((value) => (
            <option key={value} value={value}>
              {t(`format.${value}` as MessageKey)}
            </option>
          ))}
        </select>
        {errorText('format')}
        <label htmlFor={`${id}-language`}>{t('form.interviewLanguage')}</label>
        <select id={`${id}-language`} value={language} onChange={(event) => props.onLanguage(event.target.value)} aria-invalid={invalid('language')} aria-describedby={describedBy('language')}>
          {person.languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, locale)}
            </option>
          ))}
        </select>
        {errorText('language')}
        <fieldset>
          <legend>{t('form.attribution')}</legend>
          {(['on_record', 'background', 'off_record'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="attribution" value={value} checked={attribution === value} onChange={() => setAttribution(value)} /> {t(`attributionHelp.${value}`)}
            </label>
          ))}
        </fieldset>
        {field('topic', t('form.topic'), { path: 'topic', required: true })}
        <label htmlFor={`${id}-questions`}>{t('form.questions')}</label>
        <textarea id={`${id}-questions`} name="questions" rows={4} aria-invalid={invalid('questions')} aria-describedby={describedBy('questions')} />
        {errorText('questions')}
        {field('deadline', t('form.deadline', { city: zoneCity(timeZone) }), { path: 'deadline', type: 'datetime-local', defaultValue: defaultDeadline, required: true })}
        <EmbargoTermsField />
        <button type="submit" disabled={submitting}>
          {submitting ? t('form.sending') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
