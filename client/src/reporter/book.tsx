import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { adoptOrLoad, monthWindow, personQuery, slotsKey, slotsQuery } from './early-start';
import { api } from '../api/trpc';
import type { QueryState } from '../api/use-query';
import { useEagerQuery } from '../components/use-eager-query';
import { usePageTitle } from '../components/page-title';
import { languageName, matchLanguage } from '../components/interview-options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { localDate, localeClock, wallTimeToInstant, zoneCity } from '../time';
import { onLinkClick, useLocation } from '../router';
import { addMonths, monthOf } from './calendar-dates';
import { useClockPreference, useTimeZonePreference } from './preferences';
import { BookingOptions } from './booking-options';
import { MonthCalendar } from './month-calendar';
import { SlotList } from './slot-list';
import { RequestForm } from './request-form';
import { NoSlots, type PublicContact } from './no-slots';
import { firstViewChoice, removeFirstView } from './first-view/hand-over';
import './book.css';

type Person = Awaited<ReturnType<typeof api.spokespeople.get.query>>;
type SlotsAnswer = Awaited<ReturnType<typeof api.availability.slots.query>>;
type Slot = SlotsAnswer['days'][number]['slots'][number];

const DAY = 86_400_000;

/**
 * The booking page for one spokesperson (`/book/<slug>`): a month of days
 * beside the chosen day's free times, then the request form for the chosen
 * time. `?language=` and `?format=` (from the topic search) preselect the
 * interview's language and format. `contact`: the press office's public
 * contact for the empty state (by default, the press contact of a current release).
 */
export function BookPage({ spokesperson: idOrSlug, releaseId, contact }: { spokesperson: string; releaseId?: string; contact?: PublicContact }) {
  const { t } = useI18n();
  const [timeZone, setTimeZone] = useTimeZonePreference();
  // Unset until the reporter picks a length: the server then answers with the spokesperson's default.
  const [duration, setDuration] = useState<number | undefined>(undefined);
  const [now] = useState(() => Date.now());
  const [month, setMonth] = useState(() => monthOf(localDate(new Date(now).toISOString(), timeZone)));
  const window_ = useMemo(() => monthWindow(month, timeZone, now), [month, timeZone, now]);
  // Both queries start at once, while rendering (tRPC batches them into one round trip).
  const person = useEagerQuery(() => adoptOrLoad(`person|${idOrSlug}`, () => personQuery(idOrSlug)), [idOrSlug]);
  const slots = useEagerQuery(() => adoptOrLoad(slotsKey(idOrSlug, window_, timeZone, duration), () => slotsQuery(idOrSlug, window_, timeZone, duration)), [idOrSlug, window_, timeZone, duration]);
  usePageTitle(person.status === 'ready' ? t('book.title', { name: person.data.name }) : t('book.titleLoading'));
  // The server's first view (first-view/) stands until this page has its answers: then one swap, no "Loading…" between.
  const settled = person.status === 'error' || (person.status === 'ready' && slots.status !== 'loading');
  useLayoutEffect(() => {
    if (settled) removeFirstView();
  }, [settled]);
  useLayoutEffect(() => removeFirstView, []);
  if (person.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (person.status === 'error') return <p role="alert">{t('book.notFound')}</p>;
  return (
    <Booking
      person={person.data}
      slots={slots}
      releaseId={releaseId}
      contact={contact}
      timeZone={timeZone}
      onTimeZone={setTimeZone}
      duration={duration ?? person.data.defaultDurationMinutes}
      onDuration={setDuration}
      month={month}
      onMonth={setMonth}
      now={now}
    />
  );
}

function Booking(props: {
  person: Person;
  slots: QueryState<SlotsAnswer>;
  releaseId?: string;
  contact?: PublicContact;
  timeZone: string;
  onTimeZone: (zone: string) => void;
  duration: number;
  onDuration: (minutes: number) => void;
  month: string;
  onMonth: (month: string) => void;
  now: number;
}) {
  const { person, slots, timeZone, duration, month, now } = props;
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const wanted = useMemo(() => new URLSearchParams(search), [search]);
  const wantedLanguage = wanted.get('language');
  const wantedFormat = wanted.get('format');
  const [language, setLanguage] = useState(() => matchLanguage(person.languages, wantedLanguage) ?? person.languages[0] ?? 'en');
  // Without a preference, a video call when offered: it needs nothing more from the reporter.
  const [format, setFormat] = useState(() => (wantedFormat && person.formats.includes(wantedFormat) ? wantedFormat : person.formats.includes('video') ? 'video' : (person.formats[0] ?? 'video')));
  const [clockChoice, setClock] = useClockPreference();
  const clock = clockChoice ?? localeClock(locale);
  const [selectedDate, setSelectedDate] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const firstName = person.name.split(' ')[0]!;
  const today = localDate(new Date(now).toISOString(), timeZone);
  // The last day the spokesperson takes requests for (their horizon), in the reporter's calendar.
  const lastDay = localDate(new Date(now + person.horizonDays * DAY).toISOString(), timeZone);
  const days = slots.status === 'ready' ? slots.data.days : undefined;
  const available = useMemo(() => (days ? new Set(days.map((day) => day.date)) : undefined), [days]);
  // The chosen day, else the month's first free day.
  const shownDay = days?.find((day) => day.date === selectedDate) ?? days?.[0];
  // A time tapped in the first view, before the app took over: opened here (before the swap is painted).
  useLayoutEffect(() => {
    const start = firstViewChoice();
    if (!days || start === undefined) return;
    for (const day of days) {
      const slot = day.slots.find((candidate) => Date.parse(candidate.start) === start);
      if (!slot) continue;
      setSelectedDate(day.date);
      setChosen(slot);
      return;
    }
  }, [days]);
  const slotsHeading = useRef<HTMLHeadingElement>(null);
  const focusSlots = useRef(false);
  useEffect(() => {
    if (!focusSlots.current || !shownDay) return;
    focusSlots.current = false;
    slotsHeading.current?.focus();
  }, [shownDay]);

  const unsupported = [
    wantedLanguage && !matchLanguage(person.languages, wantedLanguage) ? t('book.noLanguage', { name: firstName, language: languageName(wantedLanguage, locale, true) }) : null,
    wantedFormat && !person.formats.includes(wantedFormat) ? t('book.noFormat', { name: firstName, format: t(`format.${wantedFormat}` as MessageKey) }) : null,
  ].filter(Boolean);
  const reset = () => setChosen(null);

  return (
    <>
      <h1>{t('book.heading', { name: person.name })}</h1>
      <p className="lede">{t('book.lede', { title: person.title, name: firstName, city: zoneCity(person.timeZone) })}</p>
      {unsupported.length > 0 && (
        <p className="notice" role="status">
          {unsupported.join(' ')}{' '}
          <a href="/" onClick={onLinkClick}>
            {t('book.findSomeoneElse')}
          </a>
        </p>
      )}
      {chosen ? (
        <RequestForm
          person={person}
          slot={chosen}
          duration={duration}
          timeZone={timeZone}
          clock={clock}
          releaseId={props.releaseId}
          format={format}
          onFormat={setFormat}
          language={language}
          onLanguage={setLanguage}
          onChangeTime={() => {
            focusSlots.current = true;
            setChosen(null);
          }}
        />
      ) : (
        <>
          <BookingOptions
            timeZone={timeZone}
            onTimeZone={(zone) => {
              props.onTimeZone(zone);
              reset();
            }}
            clock={clock}
            onClock={setClock}
            durations={person.allowedDurations}
            duration={duration}
            onDuration={(minutes) => {
              props.onDuration(minutes);
              reset();
            }}
            languages={person.languages}
            language={language}
            onLanguage={setLanguage}
            formats={person.formats}
            format={format}
            onFormat={setFormat}
          />
          <section aria-labelledby="slots-heading" className="booking-layout">
            <h2 id="slots-heading" className="visually-hidden">
              {t('book.freeTimes', { city: zoneCity(timeZone) })}
            </h2>
            <MonthCalendar
              month={month}
              available={available}
              selected={shownDay?.date}
              min={today}
              max={lastDay < today ? today : lastDay}
              onMonth={(next) => {
                setSelectedDate(undefined);
                props.onMonth(next);
              }}
              onSelect={(date) => {
                focusSlots.current = true;
                setSelectedDate(date);
              }}
            />
            <div className="day-slots">
              {slots.status === 'loading' && <p role="status">{t('book.loadingTimes')}</p>}
              {slots.status === 'error' && <p role="alert">{t('book.timesFailed')}</p>}
              {slots.status === 'ready' && !shownDay && (
                <NoSlots
                  spokesperson={person.id}
                  timeZone={timeZone}
                  duration={duration}
                  after={Date.parse(wallTimeToInstant(`${addMonths(month, 1)}-01T00:00`, timeZone))}
                  lastDay={lastDay}
                  contact={props.contact}
                  onJump={(date) => {
                    focusSlots.current = true;
                    setSelectedDate(date);
                    props.onMonth(monthOf(date));
                  }}
                />
              )}
              {shownDay && (
                <>
                  <h3 ref={slotsHeading} tabIndex={-1} className="day-heading">
                    {t('book.dayTimes', { day: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${shownDay.date}T12:00:00Z`)), city: zoneCity(timeZone) })}
                  </h3>
                  <SlotList key={shownDay.date} date={shownDay.date} slots={shownDay.slots} timeZone={timeZone} spokespersonZone={person.timeZone} clock={clock} chosen={undefined} onChoose={setChosen} />
                </>
              )}
            </div>
          </section>
        </>
      )}
    </>
  );
}
