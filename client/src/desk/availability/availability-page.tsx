import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api/trpc';
import { useQuery } from '../../api/use-query';
import { Loaded } from '../../components/query-state';
import { ZonePicker } from '../../components/zone-picker';
import { navigate, onLinkClick, useLocation } from '../../router';
import { browserTimeZone, formatDate, formatDateTime, formatLocalTimeNow, formatTime, zoneCity } from '../../time';
import {
  availabilityInput,
  blankFieldErrors,
  draftFromRecord,
  draftSignature,
  fieldKeys,
  localDate,
  mergeErrors,
  newKey,
  newTimeOffInput,
  previewTimeOff,
  readProblem,
  remapTimeOffErrors,
  settingsInput,
  weekdayNames,
  type Draft,
  type DraftOverride,
  type DraftRange,
  type DraftTimeOff,
  type FieldErrors,
  type ManagedSpokesperson,
} from './availability-draft';
import type { StaffUser } from '../staff-user';
import './availability.css';

const DAY = 86_400_000;
const PREVIEW_DAYS = 7;
/** Wait for typing to pause before asking for a new preview. */
const PREVIEW_DEBOUNCE_MS = 350;

/**
 * The availability editor: weekly hours, date overrides, time off and booking
 * settings of one spokesperson, edited as a draft in their own zone, with a
 * live preview of the free times it gives in any other zone. Press officers
 * and admins pick anyone; a spokesperson edits only their own.
 */
export function AvailabilityEditorPage({ user }: { user: StaffUser }) {
  const { search } = useLocation();
  const requested = new URLSearchParams(search).get('spokesperson');
  // Whether the open editor has unsaved changes, so switching person can ask first.
  const dirty = useRef(false);
  if (user.role === 'spokesperson') {
    return (
      <>
        <h1>Your availability</h1>
        {requested && requested !== user.spokespersonId && <p className="notice">You can only edit your own availability, so your own is shown.</p>}
        {user.spokespersonId ? (
          <Editor spokespersonId={user.spokespersonId} dirty={dirty} />
        ) : (
          <p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p>
        )}
      </>
    );
  }
  return <StaffEditor requested={requested} dirty={dirty} />;
}

function StaffEditor({ requested, dirty }: { requested: string | null; dirty: React.MutableRefObject<boolean> }) {
  const people = useQuery(() => api.spokespeople.listAll.query(), []);
  return (
    <>
      <h1>Availability</h1>
      <Loaded state={people} label="the spokespeople">
        {(list) => {
          if (list.length === 0) {
            return (
              <p>
                No spokespeople yet. <a href="/desk/spokespeople/new" onClick={onLinkClick}>Add one first</a>; their hours are edited here.
              </p>
            );
          }
          const chosen = list.find((person) => person.id === requested) ?? list[0]!;
          const choose = (id: string) => {
            if (id === chosen.id) return;
            if (dirty.current && !window.confirm('Leave without saving? Your changes to these hours will be lost.')) return;
            navigate(`/desk/availability?spokesperson=${encodeURIComponent(id)}`);
          };
          return (
            <>
              {requested && requested !== chosen.id && <p className="notice">No spokesperson with that address; showing {chosen.name}.</p>}
              <div className="filters">
                <div>
                  <label htmlFor="availability-person">Spokesperson</label>
                  <select id="availability-person" value={chosen.id} onChange={(event) => choose(event.target.value)}>
                    {list.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name} ({zoneCity(person.timeZone)}){person.active ? '' : ', inactive'}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Editor key={chosen.id} spokespersonId={chosen.id} dirty={dirty} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function Editor({ spokespersonId, dirty }: { spokespersonId: string; dirty: React.MutableRefObject<boolean> }) {
  const record = useQuery(() => api.spokespeople.getManaged.query({ id: spokespersonId }), [spokespersonId]);
  return <Loaded state={record} label="the hours">{(data) => <AvailabilityForm record={data} dirty={dirty} />}</Loaded>;
}

type PreviewAnswer = Awaited<ReturnType<typeof api.spokespeople.previewAvailability.query>>;
type PreviewState =
  | { status: 'waiting' }
  | { status: 'ready'; data: PreviewAnswer }
  | { status: 'invalid'; messages: string[] }
  | { status: 'error'; message: string };

function AvailabilityForm({ record: initial, dirty }: { record: ManagedSpokesperson; dirty: React.MutableRefObject<boolean> }) {
  const [record, setRecord] = useState(initial);
  const [baseline, setBaseline] = useState(() => draftFromRecord(initial));
  const [draft, setDraft] = useState(baseline);
  const [viewerZone, setViewerZone] = useState(browserTimeZone);
  const [preview, setPreview] = useState<PreviewState>({ status: 'waiting' });
  const [updating, setUpdating] = useState(false);
  const [previewErrors, setPreviewErrors] = useState<FieldErrors>({});
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  // Whole hours, fixed while the page is open, so the preview window does not move under the editor.
  const [window_] = useState(() => {
    const from = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return { from, to: from + PREVIEW_DAYS * DAY };
  });
  const zone = record.timeZone;
  const signature = draftSignature(draft);
  const isDirty = signature !== draftSignature(baseline);

  useEffect(() => {
    dirty.current = isDirty;
    return () => {
      dirty.current = false;
    };
  }, [isDirty, dirty]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const change = (update: (draft: Draft) => Draft) => {
    setDraft(update);
    // Save errors describe what was sent; once the draft changes the preview re-checks it.
    setSaveErrors({});
    setSummary([]);
    setStatus('');
  };

  /** The draft as previewAvailability takes it, and where each sent time-off entry sits in the form. */
  const previewRequest = (forDraft: Draft) => {
    const timeOff = previewTimeOff(forDraft, zone, window_);
    return {
      input: {
        ...availabilityInput(record.id, forDraft),
        timeOff: timeOff.entries,
        ...settingsInput(forDraft),
        from: new Date(window_.from).toISOString(),
        to: new Date(window_.to).toISOString(),
        timeZone: viewerZone,
      },
      draftIndex: timeOff.draftIndex,
    };
  };

  useEffect(() => {
    const blanks = blankFieldErrors(draft);
    if (Object.keys(blanks).length > 0) {
      setPreviewErrors(blanks);
      setPreview({ status: 'invalid', messages: [] });
      return;
    }
    let current = true;
    setUpdating(true);
    const timer = setTimeout(() => {
      const { input, draftIndex } = previewRequest(draft);
      api.spokespeople.previewAvailability.query(input).then(
        (data) => {
          if (!current) return;
          setPreview({ status: 'ready', data });
          setPreviewErrors({});
          setUpdating(false);
        },
        (error: unknown) => {
          if (!current) return;
          const problem = readProblem(error);
          if (problem.appCode === 'VALIDATION_FAILED' && (Object.keys(problem.fieldErrors).length > 0 || problem.formErrors.length > 0)) {
            setPreviewErrors(remapTimeOffErrors(problem.fieldErrors, draftIndex));
            setPreview({ status: 'invalid', messages: problem.formErrors });
          } else {
            setPreviewErrors({});
            setPreview({ status: 'error', message: problem.message });
          }
          setUpdating(false);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The signature stands for the draft's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, viewerZone]);

  const errors = useMemo(() => mergeErrors(previewErrors, saveErrors), [previewErrors, saveErrors]);
  const known = fieldKeys(draft);
  const unplaced = Object.entries(errors).filter(([key]) => !known.has(key)).flatMap(([key, messages]) => messages.map((message) => `${key}: ${message}`));

  async function save() {
    if (saving) return;
    setSaving(true);
    setStatus('');
    setSummary([]);
    setSaveErrors({});
    try {
      const blanks = blankFieldErrors(draft);
      if (Object.keys(blanks).length > 0) {
        setSaveErrors(blanks);
        setSummary(['Nothing was saved: fill in the marked fields.']);
        focusFirstInvalid();
        return;
      }
      // The preview checks the whole draft with the same rules as the saves,
      // and writes nothing: a draft with a mistake is refused before any part of it is saved.
      const { input, draftIndex } = previewRequest(draft);
      try {
        await api.spokespeople.previewAvailability.query(input);
      } catch (error) {
        const problem = readProblem(error);
        setSaveErrors(remapTimeOffErrors(problem.fieldErrors, draftIndex));
        setSummary([problem.appCode === 'VALIDATION_FAILED' ? 'Nothing was saved: correct the marked fields.' : `Nothing was saved: ${problem.message}`, ...problem.formErrors]);
        focusFirstInvalid();
        return;
      }
      const failures: string[] = [];
      const fieldErrors: FieldErrors[] = [];
      const settingsChanged = JSON.stringify(settingsInput(draft)) !== JSON.stringify(settingsInput(baseline));
      let settingsSaved = true;
      if (settingsChanged) {
        try {
          await api.spokespeople.update.mutate({ id: record.id, ...settingsInput(draft) });
        } catch (error) {
          const problem = readProblem(error);
          settingsSaved = false;
          fieldErrors.push(problem.fieldErrors);
          failures.push(`Booking settings: ${problem.message}`);
        }
      }
      const hoursChanged = JSON.stringify(availabilityInput(record.id, draft)) !== JSON.stringify(availabilityInput(record.id, baseline));
      let hoursSaved = true;
      if (hoursChanged) {
        try {
          await api.spokespeople.setAvailability.mutate(availabilityInput(record.id, draft));
        } catch (error) {
          const problem = readProblem(error);
          hoursSaved = false;
          fieldErrors.push(problem.fieldErrors);
          failures.push(`Weekly hours and date overrides: ${problem.message}`);
        }
      }
      const keptIds = new Set(draft.timeOff.flatMap((entry) => (entry.saved ? [entry.saved.id] : [])));
      for (const entry of baseline.timeOff) {
        if (!entry.saved || keptIds.has(entry.saved.id)) continue;
        try {
          await api.spokespeople.removeTimeOff.mutate({ spokespersonId: record.id, timeOffId: entry.saved.id });
        } catch (error) {
          failures.push(`Removing time off from ${formatDateTime(entry.saved.start, zone)}: ${readProblem(error).message}`);
        }
      }
      const unsaved: { entry: DraftTimeOff; errors: FieldErrors }[] = [];
      for (const entry of draft.timeOff) {
        if (entry.saved) continue;
        try {
          await api.spokespeople.addTimeOff.mutate({ spokespersonId: record.id, ...newTimeOffInput(entry, zone) });
        } catch (error) {
          const problem = readProblem(error);
          // Field names of addTimeOff ("end"), or the whole entry (e.g. it overlaps an interview).
          const entryErrors = Object.keys(problem.fieldErrors).length > 0 ? problem.fieldErrors : { '': [problem.message] };
          unsaved.push({ entry, errors: entryErrors });
          failures.push(`Time off from ${entry.startLocal.replace('T', ' ')}: ${problem.message}`);
        }
      }
      const fresh = await api.spokespeople.getManaged.query({ id: record.id });
      const saved = draftFromRecord(fresh);
      // What failed stays in the form, so nothing typed is lost.
      const next: Draft = {
        ...saved,
        ...(hoursSaved ? {} : { weekly: draft.weekly, overrides: draft.overrides }),
        ...(settingsSaved ? {} : { bufferBefore: draft.bufferBefore, bufferAfter: draft.bufferAfter, notice: draft.notice, cap: draft.cap }),
        timeOff: [...saved.timeOff, ...unsaved.map(({ entry }) => entry)],
      };
      const entryErrors: FieldErrors = {};
      unsaved.forEach(({ errors: messages }, position) => {
        const row = saved.timeOff.length + position;
        for (const [key, list] of Object.entries(messages)) entryErrors[key ? `timeOff.${row}.${key}` : `timeOff.${row}`] = list;
      });
      setRecord(fresh);
      setBaseline(saved);
      setDraft(next);
      setSaveErrors(mergeErrors(...fieldErrors, entryErrors));
      if (failures.length > 0) {
        setSummary(['Some changes were not saved:', ...failures]);
        setStatus('The other changes were saved.');
      } else {
        setStatus(`Saved at ${formatTime(new Date().toISOString(), zone)} ${zoneCity(zone)} time. Reporters now see these hours.`);
      }
    } catch (error) {
      setSummary([`Saving failed: ${readProblem(error).message}`]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="availability-editor">
      <div className="availability-form">
        <h2 className="availability-person">
          {record.name}
          {isDirty && <span className="unsaved-flag">Unsaved changes</span>}
        </h2>
        <p className="meta">
          {record.title}. All hours below are in {record.name.split(' ')[0]}’s time zone: <strong>{zoneCity(zone)}</strong> ({zone}), where it is now {formatLocalTimeNow(zone)}.
          {!record.active && ' Inactive: reporters cannot book until a press officer activates this spokesperson.'}
        </p>
        <WeeklyHours draft={draft} errors={errors} change={change} />
        <Settings draft={draft} errors={errors} change={change} />
        <Overrides draft={draft} errors={errors} change={change} zone={zone} />
        <TimeOff draft={draft} errors={errors} change={change} zone={zone} />
        <div className={`save-bar${isDirty ? ' is-dirty' : ''}`}>
          {summary.length > 0 ? (
            <div role="alert" className="form-error">
              {[...summary, ...unplaced].map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : null}
          <p role="status" className="save-status">{status}</p>
          <div className="save-actions">
            <button type="button" onClick={save} disabled={saving || !isDirty}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="secondary" disabled={saving || !isDirty} onClick={() => change(() => baseline)}>
              Discard changes
            </button>
            {isDirty ? <span className="unsaved-flag">Unsaved changes</span> : <span className="meta">No unsaved changes.</span>}
          </div>
        </div>
      </div>
      <Preview state={preview} updating={updating} viewerZone={viewerZone} onZone={setViewerZone} spokespersonZone={zone} isDirty={isDirty} unplaced={summary.length > 0 ? [] : unplaced} />
    </div>
  );
}

/** After a refused save, takes keyboard and screen-reader users to the first field to fix (once it has rendered). */
function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.availability-form [aria-invalid="true"]')?.focus());
}

type Change = (update: (draft: Draft) => Draft) => void;

/** Messages for a field, and the props that tie the input to them. */
function useFieldErrors(errors: FieldErrors) {
  const id = useId();
  return (keys: string[]) => {
    const messages = keys.flatMap((key) => errors[key] ?? []);
    const errorId = `${id}-${keys[0]}-error`;
    return {
      messages,
      errorId,
      inputProps: messages.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {},
      text: messages.length > 0 ? <span id={errorId} className="field-error">{messages.join(' ')}</span> : null,
    };
  };
}

/** One wall-clock range: from, to, remove; "24:00" (end of day) shows as 00:00 and is kept unless edited. */
function RangeRow({ label, range, errorKey, errors, onChange, onRemove }: { label: string; range: DraftRange; errorKey: string; errors: FieldErrors; onChange: (range: DraftRange) => void; onRemove: () => void }) {
  const id = useId();
  const field = useFieldErrors(errors)([errorKey, `${errorKey}.start`, `${errorKey}.end`, `${errorKey}.weekday`]);
  const midnight = range.end === '24:00' || (range.end === '00:00' && range.start !== '00:00');
  const overnight = !midnight && range.start !== '' && range.end !== '' && range.end < range.start;
  return (
    <li className="range-row">
      <div className="range-fields">
        <div>
          <label htmlFor={`${id}-start`}>
            <span className="visually-hidden">{label}: </span>From
          </label>
          <input id={`${id}-start`} type="time" value={range.start} required onChange={(event) => onChange({ ...range, start: event.target.value })} {...field.inputProps} />
        </div>
        <div>
          <label htmlFor={`${id}-end`}>
            <span className="visually-hidden">{label}: </span>To
          </label>
          <input id={`${id}-end`} type="time" value={range.end === '24:00' ? '00:00' : range.end} required onChange={(event) => onChange({ ...range, end: event.target.value })} {...field.inputProps} />
        </div>
        <button type="button" className="secondary" onClick={onRemove}>
          Remove<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      {midnight && <p className="meta">Ends at midnight.</p>}
      {overnight && <p className="meta">Ends the next day.</p>}
      {field.text}
    </li>
  );
}

/** A sensible next range after the existing ones. */
function nextRange(ranges: { end: string }[]): DraftRange {
  const last = ranges[ranges.length - 1];
  if (!last || last.end === '' || last.end >= '22:00' || last.end === '24:00') return { key: newKey(), start: '09:00', end: '17:00' };
  const [hours, minutes] = last.end.split(':').map(Number) as [number, number];
  const end = `${String(Math.min(hours + 2, 23)).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return { key: newKey(), start: last.end, end };
}

function WeeklyHours({ draft, errors, change }: { draft: Draft; errors: FieldErrors; change: Change }) {
  const listErrors = errors.weeklyRules;
  return (
    <section aria-labelledby="weekly-heading" className="card availability-section">
      <h3 id="weekly-heading">Weekly hours</h3>
      <p className="meta">Ranges that end at or before their start run into the next day (22:00 to 02:00).</p>
      {listErrors && <p className="field-error">{listErrors.join(' ')}</p>}
      {weekdayNames.map((name, position) => {
        const weekday = position + 1;
        const rows = draft.weekly.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.weekday === weekday);
        return (
          <fieldset key={name} className="weekday">
            <legend>{name}</legend>
            {rows.length === 0 ? (
              <p className="meta">Not available.</p>
            ) : (
              <ul className="ranges">
                {rows.map(({ rule, index }, rowNumber) => (
                  <RangeRow
                    key={rule.key}
                    label={`${name} hours ${rowNumber + 1}`}
                    range={rule}
                    errorKey={`weeklyRules.${index}`}
                    errors={errors}
                    onChange={(range) => change((current) => ({ ...current, weekly: current.weekly.map((item, at) => (at === index ? { ...item, start: range.start, end: range.end } : item)) }))}
                    onRemove={() => change((current) => ({ ...current, weekly: current.weekly.filter((_, at) => at !== index) }))}
                  />
                ))}
              </ul>
            )}
            <button type="button" className="secondary add" onClick={() => change((current) => ({ ...current, weekly: [...current.weekly, { ...nextRange(rows.map(({ rule }) => rule)), weekday }] }))}>
              Add hours<span className="visually-hidden"> on {name}</span>
            </button>
          </fieldset>
        );
      })}
    </section>
  );
}

function NumberField({ label, hint, value, errorKey, errors, onChange, optional }: { label: string; hint: string; value: string; errorKey: string; errors: FieldErrors; onChange: (value: string) => void; optional?: boolean }) {
  const id = useId();
  const field = useFieldErrors(errors)([errorKey]);
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={0} step={1} value={value} required={!optional} onChange={(event) => onChange(event.target.value)} aria-describedby={[`${id}-hint`, field.messages.length > 0 ? field.errorId : ''].filter(Boolean).join(' ')} aria-invalid={field.messages.length > 0 || undefined} />
      <span id={`${id}-hint`} className="meta hint">{hint}</span>
      {field.text}
    </div>
  );
}

function Settings({ draft, errors, change }: { draft: Draft; errors: FieldErrors; change: Change }) {
  const notice = Number(draft.notice);
  return (
    <section aria-labelledby="settings-heading" className="card availability-section">
      <h3 id="settings-heading">Booking rules</h3>
      <div className="settings-grid">
        <NumberField label="Buffer before each interview (minutes)" hint="Free time kept before an interview." value={draft.bufferBefore} errorKey="bufferBeforeMinutes" errors={errors} onChange={(value) => change((current) => ({ ...current, bufferBefore: value }))} />
        <NumberField label="Buffer after each interview (minutes)" hint="Free time kept after an interview." value={draft.bufferAfter} errorKey="bufferAfterMinutes" errors={errors} onChange={(value) => change((current) => ({ ...current, bufferAfter: value }))} />
        <NumberField
          label="Minimum notice (minutes)"
          hint={Number.isFinite(notice) && notice >= 60 ? `Reporters book at least ${notice % 60 === 0 ? `${notice / 60} hours` : `${notice} minutes`} ahead.` : 'How long before an interview it can still be booked.'}
          value={draft.notice}
          errorKey="minimumNoticeMinutes"
          errors={errors}
          onChange={(value) => change((current) => ({ ...current, notice: value }))}
        />
        <NumberField label="Most interviews per day" hint="Leave empty for no limit." value={draft.cap} errorKey="maxPerDay" errors={errors} optional onChange={(value) => change((current) => ({ ...current, cap: value }))} />
      </div>
    </section>
  );
}

function Overrides({ draft, errors, change, zone }: { draft: Draft; errors: FieldErrors; change: Change; zone: string }) {
  const update = (index: number, patch: (override: DraftOverride) => DraftOverride) =>
    change((current) => ({ ...current, overrides: current.overrides.map((item, at) => (at === index ? patch(item) : item)) }));
  const add = () =>
    change((current) => {
      const taken = new Set(current.overrides.map((override) => override.date));
      let offset = 1;
      while (taken.has(localDate(zone, offset))) offset++;
      return { ...current, overrides: [...current.overrides, { key: newKey(), date: localDate(zone, offset), unavailable: true, ranges: [], note: '' }] };
    });
  return (
    <section aria-labelledby="overrides-heading" className="card availability-section">
      <h3 id="overrides-heading">Date overrides</h3>
      <p className="meta">Other hours, or none, on one date in {zoneCity(zone)}. They replace the weekly hours of that date.</p>
      {errors.overrides && <p className="field-error">{errors.overrides.join(' ')}</p>}
      {draft.overrides.length === 0 ? <p>No date overrides.</p> : null}
      <ul className="override-list">
        {draft.overrides.map((override, index) => (
          <OverrideRow key={override.key} override={override} index={index} errors={errors} update={(patch) => update(index, patch)} onRemove={() => change((current) => ({ ...current, overrides: current.overrides.filter((_, at) => at !== index) }))} />
        ))}
      </ul>
      <button type="button" className="secondary add" onClick={add}>Add a date override</button>
    </section>
  );
}

function OverrideRow({ override, index, errors, update, onRemove }: { override: DraftOverride; index: number; errors: FieldErrors; update: (patch: (override: DraftOverride) => DraftOverride) => void; onRemove: () => void }) {
  const id = useId();
  const fields = useFieldErrors(errors);
  const date = fields([`overrides.${index}.date`, `overrides.${index}`]);
  const note = fields([`overrides.${index}.note`]);
  const ranges = fields([`overrides.${index}.ranges`]);
  const name = override.date ? formatDate(override.date) : 'new date';
  return (
    <li>
      <fieldset className="override">
        <legend>Override for {name}</legend>
        <label htmlFor={`${id}-date`}>
          <span className="visually-hidden">Override {index + 1}: </span>Date
        </label>
        <input id={`${id}-date`} type="date" value={override.date} required onChange={(event) => update((item) => ({ ...item, date: event.target.value }))} {...date.inputProps} />
        {date.text}
        <label className="checkbox">
          <input type="checkbox" checked={override.unavailable} onChange={(event) => update((item) => ({ ...item, unavailable: event.target.checked, ranges: !event.target.checked && item.ranges.length === 0 ? [nextRange([])] : item.ranges }))} /> Not available all day<span className="visually-hidden"> on {name}</span>
        </label>
        {!override.unavailable && (
          <>
            <ul className="ranges">
              {override.ranges.map((range, rangeIndex) => (
                <RangeRow
                  key={range.key}
                  label={`${name} hours ${rangeIndex + 1}`}
                  range={range}
                  errorKey={`overrides.${index}.ranges.${rangeIndex}`}
                  errors={errors}
                  onChange={(next) => update((item) => ({ ...item, ranges: item.ranges.map((old, at) => (at === rangeIndex ? next : old)) }))}
                  onRemove={() => update((item) => ({ ...item, ranges: item.ranges.filter((_, at) => at !== rangeIndex), unavailable: item.ranges.length === 1 }))}
                />
              ))}
            </ul>
            {ranges.text}
            <button type="button" className="secondary add" onClick={() => update((item) => ({ ...item, ranges: [...item.ranges, nextRange(item.ranges)] }))}>
              Add hours<span className="visually-hidden"> on {name}</span>
            </button>
          </>
        )}
        <label htmlFor={`${id}-note`}>
          <span className="visually-hidden">Override {index + 1}: </span>Note (optional)
        </label>
        <input id={`${id}-note`} value={override.note} maxLength={200} onChange={(event) => update((item) => ({ ...item, note: event.target.value }))} {...note.inputProps} />
        {note.text}
        <button type="button" className="secondary" onClick={onRemove}>
          Remove the override<span className="visually-hidden"> for {name}</span>
        </button>
      </fieldset>
    </li>
  );
}

function TimeOff({ draft, errors, change, zone }: { draft: Draft; errors: FieldErrors; change: Change; zone: string }) {
  const remove = (index: number) => change((current) => ({ ...current, timeOff: current.timeOff.filter((_, at) => at !== index) }));
  const add = () =>
    change((current) => ({ ...current, timeOff: [...current.timeOff, { key: newKey(), startLocal: `${localDate(zone, 1)}T00:00`, endLocal: `${localDate(zone, 2)}T00:00`, reason: '' }] }));
  const saved = draft.timeOff.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.saved);
  const fresh = draft.timeOff.map((entry, index) => ({ entry, index })).filter(({ entry }) => !entry.saved);
  return (
    <section aria-labelledby="time-off-heading" className="card availability-section">
      <h3 id="time-off-heading">Time off</h3>
      <p className="meta">Travel, holidays: no interviews between these times ({zoneCity(zone)} time).</p>
      {saved.length === 0 ? (
        <p>No time off planned.</p>
      ) : (
        <ul className="time-off-list" aria-label="Planned time off">
          {saved.map(({ entry, index }) =>
            entry.saved ? (
              <li key={entry.key}>
                <span>
                  {formatDateTime(entry.saved.start, zone)} to {formatDateTime(entry.saved.end, zone)}
                  {entry.saved.reason ? <>: {entry.saved.reason}</> : null}
                </span>
                {errors[`timeOff.${index}`] && <span className="field-error">{errors[`timeOff.${index}`]!.join(' ')}</span>}
                <button type="button" className="secondary" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> time off from {formatDateTime(entry.saved.start, zone)}{entry.saved.reason ? ` (${entry.saved.reason})` : ''}</span>
                </button>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {fresh.map(({ entry, index }, position) => (entry.saved ? null : <NewTimeOffRow key={entry.key} entry={entry} index={index} number={position + 1} zone={zone} errors={errors} change={change} onRemove={() => remove(index)} />))}
      <button type="button" className="secondary add" onClick={add}>Add time off</button>
    </section>
  );
}

function NewTimeOffRow({ entry, index, number, zone, errors, change, onRemove }: { entry: Extract<DraftTimeOff, { saved?: undefined }>; index: number; number: number; zone: string; errors: FieldErrors; change: Change; onRemove: () => void }) {
  const id = useId();
  const fields = useFieldErrors(errors);
  const start = fields([`timeOff.${index}.start`]);
  const end = fields([`timeOff.${index}.end`]);
  const reason = fields([`timeOff.${index}.reason`]);
  const whole = fields([`timeOff.${index}`]);
  const label = `New time off ${number}`;
  const update = (patch: Partial<{ startLocal: string; endLocal: string; reason: string }>) =>
    change((current) => ({ ...current, timeOff: current.timeOff.map((item, at) => (at === index && !item.saved ? { ...item, ...patch } : item)) }));
  return (
    <fieldset className="new-time-off">
      <legend>{label} (not saved yet)</legend>
      {whole.text}
      <div className="time-off-fields">
        <div>
          <label htmlFor={`${id}-start`}>
            <span className="visually-hidden">{label}: </span>From ({zoneCity(zone)} time)
          </label>
          <input id={`${id}-start`} type="datetime-local" value={entry.startLocal} required onChange={(event) => update({ startLocal: event.target.value })} {...start.inputProps} />
          {start.text}
        </div>
        <div>
          <label htmlFor={`${id}-end`}>
            <span className="visually-hidden">{label}: </span>To ({zoneCity(zone)} time)
          </label>
          <input id={`${id}-end`} type="datetime-local" value={entry.endLocal} required onChange={(event) => update({ endLocal: event.target.value })} {...end.inputProps} />
          {end.text}
        </div>
      </div>
      <label htmlFor={`${id}-reason`}>
        <span className="visually-hidden">{label}: </span>Reason (optional)
      </label>
      <input id={`${id}-reason`} value={entry.reason} maxLength={200} onChange={(event) => update({ reason: event.target.value })} {...reason.inputProps} />
      {reason.text}
      <button type="button" className="secondary" onClick={onRemove}>
        Discard<span className="visually-hidden"> {label}</span>
      </button>
    </fieldset>
  );
}

function Preview({ state, updating, viewerZone, onZone, spokespersonZone, isDirty, unplaced }: { state: PreviewState; updating: boolean; viewerZone: string; onZone: (zone: string) => void; spokespersonZone: string; isDirty: boolean; unplaced: string[] }) {
  const count = state.status === 'ready' ? state.data.days.reduce((total, day) => total + day.slots.length, 0) : 0;
  const summary =
    state.status === 'waiting' || (updating && state.status !== 'invalid')
      ? 'Updating the preview…'
      : state.status === 'ready'
        ? `${count} free ${count === 1 ? 'time' : 'times'} in the next ${PREVIEW_DAYS} days${isDirty ? ' with your unsaved changes' : ''}.`
        : state.status === 'invalid'
          ? 'The preview waits until the marked fields are corrected.'
          : '';
  return (
    <section aria-labelledby="preview-heading" className="card availability-preview">
      <h2 id="preview-heading">Preview: free times, {zoneCity(viewerZone)} time</h2>
      <p className="meta">
        What reporters would be offered in the next {PREVIEW_DAYS} days{isDirty ? ' once you save' : ''}
        {state.status === 'ready' ? `, for ${state.data.durationMinutes}-minute interviews` : ''}: start times, with {zoneCity(spokespersonZone)} time beside each.
      </p>
      <ZonePicker value={viewerZone} onChange={onZone} label="Show the preview in" />
      <p className="preview-status" aria-live="polite">{summary}</p>
      {state.status === 'error' && <p role="alert">Could not load the preview: {state.message}</p>}
      {state.status === 'invalid' && [...state.messages, ...unplaced].map((message) => <p key={message} className="field-error">{message}</p>)}
      {state.status === 'ready' &&
        (state.data.days.length === 0 ? (
          <p>No free times in the next {PREVIEW_DAYS} days.</p>
        ) : (
          <div className={`days${updating ? ' is-updating' : ''}`}>
            {state.data.days.map((day) => (
              <div key={day.date} className="day">
                <h3>{formatDate(day.date)}</h3>
                <ul className="preview-slots" aria-label={`Free times on ${formatDate(day.date)}`}>
                  {day.slots.map((slot) => (
                    <li key={slot.start}>
                      <time className="viewer-time" dateTime={slot.start}>
                        {formatTime(slot.start, viewerZone)}
                      </time>{' '}
                      <span className="other-time">
                        {formatTime(slot.spokesperson.start, spokespersonZone)} in {zoneCity(spokespersonZone)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}
