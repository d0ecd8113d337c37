// Weekly hours and booking rules, in the spokesperson's zone.
import { weekdayNames, type Draft, type FieldErrors } from './availability-draft';
import { NumberField, RangeRow, nextRange, type Change } from './availability-fields';

export function WeeklyHours({ draft, errors, change }: { draft: Draft; errors: FieldErrors; change: Change }) {
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

export function Settings({ draft, errors, change }: { draft: Draft; errors: FieldErrors; change: Change }) {
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
