// The spokesperson form's sections: profile, interviews offered, booking rules,
// starting hours (new spokespeople) and account. Each edits part of one draft.
import { TextAreaField, TextField, SelectField, type FieldErrors } from '../../components/form-field';
import { ZonePicker } from '../../components/zone-picker';
import { formatNames } from '../../components/interview-options';
import { durationChoices, errorsFor, weekdayShortNames, type InterviewFormat, type PersonDraft } from './spokesperson-draft';

interface SectionProps {
  draft: PersonDraft;
  errors: FieldErrors;
  set: (patch: Partial<PersonDraft>) => void;
}

const toggle = <T,>(items: T[], item: T, on: boolean) => (on ? [...items, item] : items.filter((other) => other !== item));

export function ProfileFields({ draft, errors, set }: SectionProps) {
  return (
    <fieldset>
      <legend>Profile</legend>
      <div className="setup-grid">
        <TextField label="Name" value={draft.name} required errors={errors.name} onChange={(event) => set({ name: event.target.value })} />
        <TextField label="Title" value={draft.title} required errors={errors.title} onChange={(event) => set({ title: event.target.value })} />
        <TextField label="Email (invites go here)" type="email" value={draft.email} required errors={errors.email} onChange={(event) => set({ email: event.target.value })} />
        <TextField label="Phone" type="tel" hint="E.164, e.g. +41780000000." value={draft.phone} errors={errors.phone} onChange={(event) => set({ phone: event.target.value })} />
      </div>
      <TextAreaField label="Short biography" rows={3} value={draft.bio} errors={errors.bio} onChange={(event) => set({ bio: event.target.value })} />
      <TextField label="Interview languages" hint="Language tags, separated by commas: en, es, fr-CH." value={draft.languages} required errors={errorsFor(errors, 'languages')} onChange={(event) => set({ languages: event.target.value })} />
      <TextField label="Topics" hint="Separated by commas." value={draft.topics} errors={errorsFor(errors, 'topics')} onChange={(event) => set({ topics: event.target.value })} />
      <ZonePicker value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} label="Works in the time zone" />
      {errors.timeZone && <p className="field-error">{errors.timeZone.join(' ')}</p>}
    </fieldset>
  );
}

export function OfferFields({ draft, errors, set }: SectionProps) {
  const formatErrors = errorsFor(errors, 'formats');
  const durationErrors = errorsFor(errors, 'allowedDurations');
  return (
    <fieldset>
      <legend>Interviews offered</legend>
      <fieldset aria-describedby={formatErrors ? 'formats-error' : undefined}>
        <legend>Formats</legend>
        <div className="checkbox-row">
          {(Object.keys(formatNames) as InterviewFormat[]).map((format) => (
            <label key={format} className="checkbox">
              <input type="checkbox" checked={draft.formats.includes(format)} onChange={(event) => set({ formats: toggle(draft.formats, format, event.target.checked) })} /> {formatNames[format]}
            </label>
          ))}
        </div>
        {formatErrors && <span id="formats-error" className="field-error">{formatErrors.join(' ')}</span>}
      </fieldset>
      <fieldset aria-describedby={durationErrors ? 'durations-error' : undefined}>
        <legend>Durations reporters may choose (minutes)</legend>
        <div className="checkbox-row">
          {durationChoices.map((minutes) => (
            <label key={minutes} className="checkbox">
              <input type="checkbox" checked={draft.allowedDurations.includes(minutes)} onChange={(event) => set({ allowedDurations: toggle(draft.allowedDurations, minutes, event.target.checked) })} /> {minutes}
            </label>
          ))}
        </div>
        {durationErrors && <span id="durations-error" className="field-error">{durationErrors.join(' ')}</span>}
      </fieldset>
      <SelectField label="Default duration" value={draft.defaultDuration} errors={errors.defaultDurationMinutes} onChange={(event) => set({ defaultDuration: event.target.value })}>
        {[...draft.allowedDurations].sort((a, b) => a - b).map((minutes) => (
          <option key={minutes} value={String(minutes)}>{minutes} minutes</option>
        ))}
        {!draft.allowedDurations.includes(Number(draft.defaultDuration)) && <option value={draft.defaultDuration}>{draft.defaultDuration} minutes (not allowed)</option>}
      </SelectField>
    </fieldset>
  );
}

function NumberField({ label, hint, value, errors, onChange, optional }: { label: string; hint?: string; value: string; errors?: string[]; onChange: (value: string) => void; optional?: boolean }) {
  return <TextField label={label} hint={hint} type="number" inputMode="numeric" min={0} step={1} required={!optional} value={value} errors={errors} onChange={(event) => onChange(event.target.value)} />;
}

export function BookingRuleFields({ draft, errors, set }: SectionProps) {
  return (
    <fieldset>
      <legend>Booking rules</legend>
      <div className="setup-grid">
        <NumberField label="Start times every (minutes)" value={draft.slotStep} errors={errors.slotStepMinutes} onChange={(slotStep) => set({ slotStep })} />
        <NumberField label="Buffer before (minutes)" value={draft.bufferBefore} errors={errors.bufferBeforeMinutes} onChange={(bufferBefore) => set({ bufferBefore })} />
        <NumberField label="Buffer after (minutes)" value={draft.bufferAfter} errors={errors.bufferAfterMinutes} onChange={(bufferAfter) => set({ bufferAfter })} />
        <NumberField label="Minimum notice (minutes)" value={draft.notice} errors={errors.minimumNoticeMinutes} onChange={(notice) => set({ notice })} />
        <NumberField label="Most interviews per day" hint="Empty: no limit." optional value={draft.cap} errors={errors.maxPerDay} onChange={(cap) => set({ cap })} />
        <NumberField label="Bookable up to (days ahead)" value={draft.horizon} errors={errors.horizonDays} onChange={(horizon) => set({ horizon })} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.holdSlots} onChange={(event) => set({ holdSlots: event.target.checked })} /> Hold the requested time while a request waits for approval
      </label>
    </fieldset>
  );
}

export function StartingHoursFields({ draft, errors, set }: SectionProps) {
  const ruleErrors = errorsFor(errors, 'weeklyRules');
  return (
    <fieldset>
      <legend>Starting weekly hours (in their time zone)</legend>
      <p className="meta">Refine them later, with breaks, date overrides and time off, under Availability.</p>
      <div className="checkbox-row">
        {weekdayShortNames.map((name, index) => (
          <label key={name} className="checkbox">
            <input type="checkbox" checked={draft.startDays.includes(index + 1)} onChange={(event) => set({ startDays: toggle(draft.startDays, index + 1, event.target.checked).sort() })} /> {name}
          </label>
        ))}
      </div>
      <div className="setup-grid">
        <TextField label="From" type="time" value={draft.startFrom} onChange={(event) => set({ startFrom: event.target.value })} />
        <TextField label="To" type="time" value={draft.startTo} onChange={(event) => set({ startTo: event.target.value })} />
      </div>
      {ruleErrors && <p className="field-error">{ruleErrors.join(' ')}</p>}
    </fieldset>
  );
}
