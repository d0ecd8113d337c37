import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n';
import { localDate, wallTimeToInstant, zoneCity } from '../time';
import { addMonths, monthOf } from './calendar-dates';
import { rememberedClock } from './preferences';
import { MonthCalendar } from './month-calendar';
import { SlotList } from './slot-list';
import { useSlotHeading } from './request-form';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Slot = Awaited<ReturnType<typeof api.availability.slots.query>>['days'][number]['slots'][number];

/**
 * "Ask to move" on the manage page: the spokesperson's live free times (the
 * same calendar as the booking page), then one button to move there. For a
 * confirmed interview it asks the press office (unless the office lets
 * reporters move at once); for a pending request it replaces the time.
 */
export function MovePicker(props: { spokesperson: { id: string; name: string; timeZone: string }; reporterZone: string; duration: number; confirmed: boolean; busy: boolean; onMove: (start: string) => Promise<boolean> }) {
  const { spokesperson, reporterZone: timeZone, duration } = props;
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [now] = useState(() => Date.now());
  const [month, setMonth] = useState(() => monthOf(localDate(new Date(now).toISOString(), timeZone)));
  const [selectedDate, setSelectedDate] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const clock = rememberedClock();
  const heading = useSlotHeading();
  const person = useQuery(() => (open ? api.spokespeople.get.query({ id: spokesperson.id }) : Promise.resolve(null)), [open, spokesperson.id]);
  const slots = useQuery(() => {
    if (!open) return Promise.resolve(null);
    const from = Math.max(Math.floor(now / HOUR) * HOUR, Date.parse(wallTimeToInstant(`${month}-01T00:00`, timeZone)));
    const to = Date.parse(wallTimeToInstant(`${addMonths(month, 1)}-01T00:00`, timeZone));
    return api.availability.slots.query({ spokespersonId: spokesperson.id, from: new Date(from).toISOString(), to: new Date(Math.max(to, from + HOUR)).toISOString(), timeZone, duration });
  }, [open, month, timeZone, duration, spokesperson.id]);
  const days = slots.status === 'ready' && slots.data ? slots.data.days : undefined;
  const available = useMemo(() => (days ? new Set(days.map((day) => day.date)) : undefined), [days]);
  const shownDay = days?.find((day) => day.date === selectedDate) ?? days?.[0];
  const today = localDate(new Date(now).toISOString(), timeZone);
  const horizon = person.status === 'ready' && person.data ? person.data.horizonDays : 60;
  const lastDay = localDate(new Date(now + horizon * DAY).toISOString(), timeZone);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (chosen) confirmRef.current?.focus();
  }, [chosen]);

  if (!open) {
    return (
      <button type="button" className="quiet move-open" onClick={() => setOpen(true)}>
        {t(props.confirmed ? 'move.openConfirmed' : 'move.open')}
      </button>
    );
  }
  return (
    <section className="move-picker" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('move.heading', { city: zoneCity(timeZone) })}</h2>
      <p>{t(props.confirmed ? 'move.explainConfirmed' : 'move.explain')}</p>
      {chosen ? (
        <div className="move-confirm">
          <h3 ref={confirmRef} tabIndex={-1}>
            {heading(chosen, timeZone, spokesperson.timeZone, clock)}
          </h3>
          <button type="button" disabled={props.busy} onClick={() => void props.onMove(chosen.start)}>
            {t(props.confirmed ? 'move.askConfirm' : 'move.confirm')}
          </button>{' '}
          <button type="button" className="quiet" onClick={() => setChosen(null)}>
            {t('form.changeTime')}
          </button>
        </div>
      ) : (
        <div className="booking-layout">
          <MonthCalendar month={month} available={available} selected={shownDay?.date} min={today} max={lastDay < today ? today : lastDay} onMonth={(next) => { setSelectedDate(undefined); setMonth(next); }} onSelect={setSelectedDate} />
          <div className="day-slots">
            {slots.status === 'loading' && <p role="status">{t('book.loadingTimes')}</p>}
            {slots.status === 'error' && <p role="alert">{t('book.timesFailed')}</p>}
            {slots.status === 'ready' && !shownDay && <p>{t('empty.none')}</p>}
            {shownDay && <SlotList key={shownDay.date} date={shownDay.date} slots={shownDay.slots} timeZone={timeZone} spokespersonZone={spokesperson.timeZone} clock={clock} chosen={undefined} onChoose={setChosen} />}
          </div>
        </div>
      )}
      <button type="button" className="quiet" onClick={() => { setOpen(false); setChosen(null); }}>
        {t('move.close')}
      </button>
    </section>
  );
}
