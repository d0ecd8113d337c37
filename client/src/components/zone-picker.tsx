import { useId, useMemo, useState } from 'react';
import { listTimeZones } from '../time';

/** A searchable IANA time-zone picker ("Your time zone"), showing cities and current offsets. */
export function ZonePicker({ value, onChange, label = 'Your time zone' }: { value: string; onChange: (zone: string) => void; label?: string }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  // Labelling ~400 zones with their offsets costs a few hundred ms in a browser:
  // done on first use of the picker, not before the slots can show.
  const [expanded, setExpanded] = useState(false);
  const zones = useMemo(() => (expanded ? listTimeZones() : listTimeZones(new Date(), [value])), [expanded, value]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matches = needle ? zones.filter((zone) => zone.label.toLowerCase().includes(needle)) : zones;
    return matches.some((zone) => zone.zone === value) ? matches : [...zones.filter((zone) => zone.zone === value), ...matches];
  }, [filter, zones, value]);
  return (
    <div className="zone-picker">
      <label htmlFor={`${id}-search`}>Find your city</label>
      <input id={`${id}-search`} type="search" value={filter} onFocus={() => setExpanded(true)} onChange={(event) => { setExpanded(true); setFilter(event.target.value); }} placeholder="e.g. New York, Baku, Kathmandu" />
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
