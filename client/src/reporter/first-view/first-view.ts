// The booking page's first view, drawn before the app's bundle has run.
//
// Why: on a phone-sized localhost page the bundle alone (React DOM is most of
// it) takes 300–500 ms to evaluate before React renders anything, so the first
// free time appeared after 700–900 ms (BENCHMARKS.md, #13's 400 ms budget).
// The server puts the free times in the HTML (FIRST_VIEW_DATA_ID) and inlines
// this script (built as one classic script by server/client-build.ts), which
// draws the same page React will draw, from the same pure helpers, in the
// reporter's zone and language, as soon as the HTML is parsed. React renders
// into #root, hidden while the first view stands (styles.css), and the booking
// page hands over once its own answers are in (hand-over.ts): one frame, no
// jump. A time tapped in the meantime is kept and opened by the app.
//
// It draws nothing, and the app shows the page as usual, when the device
// chose another language than the server wrote, when the reporter's month has
// no free time (the app's empty state says what to do), or on any error.
import { initialLanguage, localeFor, LANGUAGES, LANGUAGE_NATIVE_NAMES, LANGUAGE_STORAGE_KEY } from '../../i18n/language';
import { formatDate, formatDayMonth, formatMonthHeading, formatTime, localDate, localeClock, weekdayNames, zoneCity } from '../../time';
import { firstDayOfWeek, monthOf, monthWeeks } from '../calendar-dates';
import { rememberedClock, rememberedTimeZone } from '../remembered-choices';
import { FIRST_VIEW_CHOICE_ATTRIBUTE, FIRST_VIEW_DATA_ID, FIRST_VIEW_ID, type FirstViewData } from './first-view-data';

const DAY = 86_400_000;
const MINUTE = 60_000;

type Child = Node | string | null | false;
/** An element with attributes (`class` and the like, as in HTML) and children. */
function h(tag: string, attributes: Record<string, string | boolean | undefined>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(city|day|time)\}/g, (placeholder, name: string) => values[name] ?? placeholder);

/** The site header, or the widget's bar inside another site's frame (as App.tsx's ReporterShell). */
function shell(data: FirstViewData, main: HTMLElement): Node[] {
  const { texts } = data;
  const select = h('select', {}, ...LANGUAGES.map((tag) => h('option', { value: tag, lang: tag, selected: tag === data.language }, LANGUAGE_NATIVE_NAMES[tag])));
  // Before the app runs, a switch is remembered and the page reloaded in that language.
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, (select as HTMLSelectElement).value);
    } catch {
      return;
    }
    location.reload();
  });
  const switcher = h('label', { class: 'language-switcher' }, h('span', { class: 'visually-hidden' }, texts.languageLabel), select);
  let embedded: boolean;
  try {
    embedded = window.self !== window.top;
  } catch {
    embedded = true;
  }
  if (embedded) {
    main.classList.add('embedded');
    main.prepend(h('div', { class: 'embedded-bar' }, switcher));
    return [main];
  }
  return [
    h('a', { class: 'skip-link', href: '#first-view-main' }, texts.skip),
    h('header', { class: 'site-header' }, h('a', { class: 'brand', href: '/' }, 'Interview Desk'), h('span', { class: 'header-end' }, switcher, ' ', h('a', { class: 'header-link', href: '/desk' }, texts.pressOffice))),
    main,
  ];
}

/** The month of days (as MonthCalendar renders it, without its keyboard moves). */
function month(data: FirstViewData, options: { month: string; locale: string; available: Set<string>; selected: string; min: string; max: string }): HTMLElement {
  const { texts } = data;
  const { locale, available, selected, min, max } = options;
  const firstDay = firstDayOfWeek(locale);
  const header = h('tr', {}, ...weekdayNames(locale, firstDay).map((name) => h('th', { scope: 'col', abbr: name.long }, name.short)));
  const rows = monthWeeks(options.month, firstDay).map((week) =>
    h(
      'tr',
      {},
      ...week.map((date) => {
        if (!date) return h('td', {});
        const inRange = date >= min && date <= max;
        const free = inRange && available.has(date);
        const label = `${formatDate(date, locale)}${inRange ? `, ${free ? texts.free : texts.notFree}` : ''}`;
        return h(
          'td',
          { role: 'gridcell', 'aria-selected': String(date === selected) },
          h('button', { type: 'button', 'data-date': date, class: free ? 'day free' : 'day', tabindex: date === selected ? '0' : '-1', 'aria-label': label, 'aria-disabled': String(!free), disabled: !inRange }, String(Number(date.slice(8, 10)))),
        );
      }),
    ),
  );
  return h(
    'div',
    { class: 'month-calendar' },
    h(
      'div',
      { class: 'month-header' },
      h('button', { type: 'button', class: 'icon', disabled: options.month <= monthOf(min), 'aria-label': texts.previousMonth }, h('span', { 'aria-hidden': 'true' }, '‹')),
      h('h3', { id: 'first-view-month' }, formatMonthHeading(options.month, locale)),
      h('button', { type: 'button', class: 'icon', disabled: options.month >= monthOf(max), 'aria-label': texts.nextMonth }, h('span', { 'aria-hidden': 'true' }, '›')),
    ),
    h('table', { role: 'grid', 'aria-labelledby': 'first-view-month', 'aria-describedby': 'first-view-help' }, h('thead', {}, header), h('tbody', {}, ...rows)),
    h('p', { id: 'first-view-help', class: 'calendar-help' }, texts.calendarHelp),
  );
}

function draw(container: HTMLElement, data: FirstViewData) {
  const { texts, spokesperson } = data;
  const locale = localeFor(data.language);
  const zone = rememberedTimeZone();
  const clock = rememberedClock() ?? localeClock(locale);
  const now = Date.now();
  const today = localDate(new Date(now).toISOString(), zone);
  const lastDay = localDate(new Date(now + spokesperson.horizonDays * DAY).toISOString(), zone);
  const shownMonth = monthOf(today);
  // The reporter's month, grouped by their dates (as the app's availability.slots question).
  const days = new Map<string, number[]>();
  for (const minutes of data.starts) {
    const start = minutes * MINUTE;
    const date = localDate(new Date(start).toISOString(), zone);
    const dateMonth = monthOf(date);
    if (dateMonth > shownMonth) break; // the starts are in order
    if (dateMonth < shownMonth) continue;
    const list = days.get(date) ?? [];
    list.push(start);
    days.set(date, list);
  }
  const [first] = days;
  if (!first) return; // the app's empty state offers the nearest free day and a contact
  const [date, starts] = first;
  const city = zoneCity(zone);
  const wide = window.matchMedia('(min-width: 48rem)').matches;

  const slots = starts.map((start, index) => {
    const iso = new Date(start).toISOString();
    const theirDate = localDate(iso, spokesperson.timeZone);
    const time = formatTime(iso, spokesperson.timeZone, locale, clock);
    const theirs = theirDate === date ? fill(texts.theirTime, { time }) : fill(texts.theirTimeOtherDay, { time, day: formatDayMonth(theirDate, locale) });
    const slot = h('li', { role: 'option', class: 'slot', 'aria-selected': 'false', tabindex: index === 0 ? '0' : '-1' }, h('span', { class: 'viewer-time' }, formatTime(iso, zone, locale, clock)), h('span', { class: 'other-time' }, theirs));
    const choose = () => {
      container.setAttribute(FIRST_VIEW_CHOICE_ATTRIBUTE, String(start));
      for (const other of container.querySelectorAll('.slot')) other.setAttribute('aria-selected', String(other === slot));
    };
    slot.addEventListener('click', choose);
    slot.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), choose()));
    return slot;
  });
  const chosen = [fill(texts.zoneTime, { city }), clock === 'h12' ? texts.clock12 : texts.clock24, texts.minutes].join(' · ');
  const main = h(
    'main',
    { id: 'first-view-main' },
    h('h1', {}, texts.heading),
    h('p', { class: 'lede' }, texts.lede),
    // Folded on phones; on wide screens the app shows the options open, so their space is kept (styles.css).
    h('details', { class: 'booking-options', open: wide }, h('summary', {}, h('span', { class: 'booking-options-title' }, texts.optionsSummary), ' ', h('span', { class: 'booking-options-chosen' }, chosen)), h('div', { class: 'first-view-options' })),
    h(
      'section',
      { 'aria-labelledby': 'first-view-slots-heading', class: 'booking-layout' },
      h('h2', { id: 'first-view-slots-heading', class: 'visually-hidden' }, fill(texts.freeTimes, { city })),
      month(data, { month: shownMonth, locale, available: new Set(days.keys()), selected: date, min: today, max: lastDay < today ? today : lastDay }),
      h(
        'div',
        { class: 'day-slots' },
        h('h3', { tabindex: '-1', class: 'day-heading' }, fill(texts.dayTimes, { day: formatDayMonth(date, locale), city })),
        h('ul', { class: 'slots', role: 'listbox', 'aria-label': fill(texts.listLabel, { day: formatDayMonth(date, locale) }) }, ...slots),
      ),
    ),
  );
  document.documentElement.lang = data.language;
  document.documentElement.dataset.area = 'reporter';
  document.title = texts.title;
  container.append(...shell(data, main));
  document.getElementById('root')?.before(container);
}

try {
  const source = document.getElementById(FIRST_VIEW_DATA_ID);
  const data = source ? (JSON.parse(source.textContent ?? '') as FirstViewData) : undefined;
  // Another language chosen on this device (or by the link): the app shows the page in it.
  if (data && initialLanguage() === data.language) draw(h('div', { id: FIRST_VIEW_ID }), data);
} catch {
  // Nothing drawn, or a part: the app shows the page as usual.
  document.getElementById(FIRST_VIEW_ID)?.remove();
}
