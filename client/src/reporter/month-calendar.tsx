import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { addDays, addMonths, addMonthsToDate, clampDate, firstDayOfWeek, monthOf, monthWeeks, weekdayIndex } from './calendar-dates';
import { formatDate, formatMonthHeading, weekdayNames } from '../time';

/**
 * A month of days (the WAI-ARIA grid pattern, as in its date-picker example):
 * one Tab stop; arrows move a day or a week, Home/End to the week's ends,
 * Page Up/Down a month, crossing months as needed within [min, max]; Enter or
 * Space chooses a day with free times. Days with free times are marked.
 */
export function MonthCalendar(props: {
  month: string;
  /** Dates with free times in the shown month; undefined while they load. */
  available: Set<string> | undefined;
  selected: string | undefined;
  min: string;
  max: string;
  onMonth: (month: string) => void;
  onSelect: (date: string) => void;
}) {
  const { month, available, selected, min, max } = props;
  const { t, locale } = useI18n();
  const id = useId();
  const firstDay = useMemo(() => firstDayOfWeek(locale), [locale]);
  const weeks = useMemo(() => monthWeeks(month, firstDay), [month, firstDay]);
  const [focused, setFocused] = useState<string>(() => selected ?? clampDate(`${month}-01`, min, max));
  // The roving Tab stop stays inside the shown month.
  const tabStop = monthOf(focused) === month ? focused : selected && monthOf(selected) === month ? selected : clampDate(`${month}-01`, min, max);
  const moveFocus = useRef(false);
  const grid = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused, month]);

  const monthName = formatMonthHeading(month, locale);
  const weekdays = useMemo(() => weekdayNames(locale, firstDay), [locale, firstDay]);
  const firstMonth = monthOf(min);
  const lastMonth = monthOf(max);

  const go = (date: string) => {
    const target = clampDate(date, min, max);
    moveFocus.current = true;
    setFocused(target);
    if (monthOf(target) !== month) props.onMonth(monthOf(target));
  };
  const onKeyDown = (event: React.KeyboardEvent, date: string) => {
    const column = (weekdayIndex(date) - firstDay + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -column),
      End: () => addDays(date, 6 - column),
      PageUp: () => addMonthsToDate(date, -1),
      PageDown: () => addMonthsToDate(date, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    go(move());
  };
  const showMonth = (next: string) => {
    setFocused(clampDate(`${next}-01`, min, max));
    props.onMonth(next);
  };

  return (
    <div className="month-calendar">
      <div className="month-header">
        <button type="button" className="icon" disabled={month <= firstMonth} aria-label={t('calendar.previousMonth')} onClick={() => showMonth(addMonths(month, -1))}>
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id={`${id}-month`} aria-live="polite">
          {monthName}
        </h3>
        <button type="button" className="icon" disabled={month >= lastMonth} aria-label={t('calendar.nextMonth')} onClick={() => showMonth(addMonths(month, 1))}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table role="grid" ref={grid} aria-labelledby={`${id}-month`} aria-busy={available === undefined} aria-describedby={`${id}-help`}>
        <thead>
          <tr>
            {weekdays.map((name) => (
              <th key={name.long} scope="col" abbr={name.long}>
                {name.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, row) => (
            <tr key={row}>
              {week.map((date, column) => {
                if (!date) return <td key={column} />;
                const inRange = date >= min && date <= max;
                const free = inRange && available?.has(date) === true;
                const label = `${formatDate(date, locale)}${available === undefined || !inRange ? '' : free ? `, ${t('calendar.free')}` : `, ${t('calendar.notFree')}`}`;
                return (
                  <td key={date} role="gridcell" aria-selected={date === selected}>
                    <button
                      type="button"
                      data-date={date}
                      className={free ? 'day free' : 'day'}
                      tabIndex={date === tabStop ? 0 : -1}
                      aria-label={label}
                      aria-disabled={!free}
                      disabled={!inRange}
                      onKeyDown={(event) => onKeyDown(event, date)}
                      onFocus={() => setFocused(date)}
                      onClick={() => free && props.onSelect(date)}
                    >
                      {Number(date.slice(8, 10))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-help`} className="calendar-help">
        {t('calendar.help')}
      </p>
    </div>
  );
}
