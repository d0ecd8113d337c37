// Date overrides: other hours, or none, on one local date.
import { useId } from 'react';
import { formatDate, zoneCity } from '../../time';
import { localDate, newKey, type Draft, type DraftOverride, type FieldErrors } from './availability-draft';
import { RangeRow, nextRange, useFieldErrors, type Change } from './availability-fields';

export function Overrides({ draft, errors, change, zone }: { draft: Draft; errors: FieldErrors; change: Change; zone: string }) {
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
