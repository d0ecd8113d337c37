import { useId, useMemo, useState } from 'react';
import { listTimeZones, oldZoneName, pickerZoneNames } from '../time';
import './zone-picker.css';

/** Lowercase, accents and underscores removed, so "sao paulo" finds "São Paulo" and "America/Sao_Paulo". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/_/g, ' ').toLowerCase();
}

/**
 * A searchable IANA time-zone picker ("Your time zone"): type a city, a zone
 * name or an offset ("+5:45") to narrow the list; Enter picks the first match.
 */
export function ZonePicker({ value, onChange, label = 'Your time zone' }: { value: string; onChange: (zone: string) => void; label?: string }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  // Labelling ~420 zones with their offsets costs tens of milliseconds in a
  // browser: done on first use of the picker, not before the slots can show.
  const [expanded, setExpanded] = useState(false);
  const zones = useMemo(
    () =>
      (expanded ? listTimeZones(new Date(), pickerZoneNames()) : listTimeZones(new Date(), [value])).map((zone) => {
        const offset = /UTC([+-]\d\d:\d\d)/.exec(zone.label)?.[1] ?? '';
        // Search text: the label, the zone's retired name, and the offset without its leading zero ("+5:45").
        return { ...zone, search: fold(`${zone.label} ${oldZoneName(zone.zone) ?? ''} ${offset.replace(/^([+-])0/, '$1')}`) };
      }),
    [expanded, value],
  );
  const needle = fold(filter.trim());
  const matches = useMemo(() => (needle ? zones.filter((zone) => zone.search.includes(needle)) : zones), [needle, zones]);
  // The chosen zone stays in the list (first) even when the search leaves it out.
  const shown = matches.some((zone) => zone.zone === value) ? matches : [...zones.filter((zone) => zone.zone === value), ...matches];
  return (
    <div className="zone-picker">
      <label htmlFor={`${id}-search`}>Find your city</label>
      <input
        id={`${id}-search`}
        type="search"
        value={filter}
        autoComplete="off"
        aria-describedby={`${id}-count`}
        onFocus={() => setExpanded(true)}
        onChange={(event) => {
          setExpanded(true);
          setFilter(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (needle && matches[0]) onChange(matches[0].zone);
        }}
        placeholder="e.g. New York, Baku, Kathmandu"
      />
      {/* Always present, so screen readers announce the count as it changes. */}
      <span id={`${id}-count`} className="zone-count" role="status">
        {!needle ? '' : matches.length === 0 ? 'No zone matches: try a nearby city or an offset like +5:45' : `${matches.length} ${matches.length === 1 ? 'zone matches' : 'zones match'}; press Enter to pick ${matches[0]!.label}`}
      </span>
      <label htmlFor={`${id}-zone`}>{label}</label>
      <select id={`${id}-zone`} value={value} onFocus={() => setExpanded(true)} onMouseDown={() => setExpanded(true)} onChange={(event) => onChange(event.target.value)}>
        {shown.map((zone) => (
          <option key={zone.zone} value={zone.zone}>
            {zone.label}
          </option>
        ))}
      </select>
    </div>
  );
}
