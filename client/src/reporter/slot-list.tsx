import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatDayMonth, formatTime, localDate, zoneCity, type Clock } from '../time';

export interface SlotChoice {
  start: string;
  spokesperson: { start: string };
}

/** The spokesperson's side of a slot: "20:00 in Zurich", with the weekday when it is another date there. */
export function useTheirTime() {
  const { t, locale } = useI18n();
  return (slot: SlotChoice, viewerDate: string, spokespersonZone: string, clock: Clock | undefined) => {
    const theirDate = localDate(slot.spokesperson.start, spokespersonZone);
    const time = formatTime(slot.spokesperson.start, spokespersonZone, locale, clock);
    const city = zoneCity(spokespersonZone);
    return theirDate === viewerDate ? t('slot.theirTime', { time, city }) : t('slot.theirTimeOtherDay', { time, city, day: formatDayMonth(theirDate, locale) });
  };
}

/**
 * The chosen day's free times, one Tab stop (a listbox): arrows move between
 * times, Home/End to the ends, Enter, Space or a click chooses one.
 */
export function SlotList<T extends SlotChoice>(props: { date: string; slots: T[]; timeZone: string; spokespersonZone: string; clock: Clock | undefined; chosen: string | undefined; onChoose: (slot: T) => void }) {
  const { date, slots, timeZone, spokespersonZone, clock } = props;
  const { t, locale } = useI18n();
  const theirTime = useTheirTime();
  const [active, setActive] = useState(0);
  const current = Math.min(active, slots.length - 1);
  const list = useRef<HTMLUListElement>(null);
  const focusOption = (index: number) => {
    const next = Math.max(0, Math.min(slots.length - 1, index));
    setActive(next);
    list.current?.querySelectorAll<HTMLElement>('[role="option"]')[next]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: slots.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusOption(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onChoose(slots[index]!);
    }
  };
  return (
    <ul className="slots" role="listbox" ref={list} aria-label={t('slots.listLabel', { day: formatDayMonth(date, locale) })}>
      {slots.map((slot, index) => (
        <li
          key={slot.start}
          role="option"
          className="slot"
          aria-selected={props.chosen === slot.start}
          tabIndex={index === current ? 0 : -1}
          onFocus={() => setActive(index)}
          onKeyDown={(event) => onKeyDown(event, index)}
          onClick={() => props.onChoose(slot)}
        >
          <span className="viewer-time">{formatTime(slot.start, timeZone, locale, clock)}</span>
          <span className="other-time">{theirTime(slot, date, spokespersonZone, clock)}</span>
        </li>
      ))}
    </ul>
  );
}
