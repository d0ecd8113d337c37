// The booking page's HTML with its first view: the spokesperson's free times
// and the texts to draw them, plus the small script that draws them before
// the app's bundle has run (client/src/reporter/first-view/, which says why).
//
// Only /book/<slug> and /embed/book/<slug> of an active spokesperson get it;
// any other page, and any failure here, gets the plain index.html. The data
// are exactly what the page's own public questions answer (spokespeople.get
// and availability.slots, the latter asked in UTC over FIRST_VIEW_DAYS days
// and memoised per minute like any repeated question), so nothing is shown
// that the API would not show to anyone.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import type { DbOrTx } from '../db';
import type { Logger } from '../logger';
import { isAppError } from '../errors';
import { getSpokesperson } from '../spokespeople/find-spokespeople';
import { findFreeSlots } from '../availability/find-free-slots';
import { formatMessage, type PrimitiveType } from '../../client/src/i18n/format-message';
import { isLanguage, LANGUAGES, type Language } from '../../client/src/i18n/language';
import type { MessageKey, Messages } from '../../client/src/i18n/messages/en';
import { en } from '../../client/src/i18n/messages/en';
import fr from '../../client/src/i18n/messages/fr';
import es from '../../client/src/i18n/messages/es';
import { zoneCity } from '../../client/src/time';
import { fullTitle } from '../../client/src/components/page-title';
import { FIRST_VIEW_DATA_ID, FIRST_VIEW_DAYS, type FirstViewData, type FirstViewTexts } from '../../client/src/reporter/first-view/first-view-data';

const HOUR = 3_600_000;
const CATALOGUES: Record<Language, Messages> = { en, fr, es };
const BOOKING_PATH = /^\/(?:embed\/)?book\/([^/]+)$/;
const gzipAsync = promisify(gzip);

/** The built first-view script, relative to the client build (server/client-build.ts writes it). */
export const FIRST_VIEW_SCRIPT = join('first-view', 'first-view.js');

/**
 * The texts of the first view, in `language`, for this spokesperson; what
 * depends on the reporter's zone stays a placeholder the browser fills.
 */
export function firstViewTexts(language: Language, person: { name: string; title: string; timeZone: string }, durationMinutes: number): FirstViewTexts {
  const t = (key: MessageKey, values?: Record<string, PrimitiveType>) => formatMessage(CATALOGUES[language], `page:${language}`, language, key, values);
  const firstName = person.name.split(' ')[0]!;
  const theirCity = zoneCity(person.timeZone);
  return {
    title: fullTitle(t('book.title', { name: person.name })),
    skip: t('header.skip'),
    languageLabel: t('header.language'),
    pressOffice: t('header.pressOffice'),
    heading: t('book.heading', { name: person.name }),
    lede: t('book.lede', { title: person.title, name: firstName, city: theirCity }),
    optionsSummary: t('options.summary'),
    zoneTime: t('options.zoneTime', { city: '{city}' }),
    clock12: t('options.clock12'),
    clock24: t('options.clock24'),
    minutes: t('options.minutes', { minutes: durationMinutes }),
    freeTimes: t('book.freeTimes', { city: '{city}' }),
    dayTimes: t('book.dayTimes', { day: '{day}', city: '{city}' }),
    previousMonth: t('calendar.previousMonth'),
    nextMonth: t('calendar.nextMonth'),
    free: t('calendar.free'),
    notFree: t('calendar.notFree'),
    calendarHelp: t('calendar.help'),
    listLabel: t('slots.listLabel', { day: '{day}' }),
    theirTime: t('slot.theirTime', { time: '{time}', city: theirCity }),
    theirTimeOtherDay: t('slot.theirTimeOtherDay', { time: '{time}', city: theirCity, day: '{day}' }),
  };
}

/** The first view's data, or null when the page has none to show (unknown or inactive spokesperson). */
export async function firstViewData(options: { db: DbOrTx; idOrSlug: string; language: Language; now: Date }): Promise<FirstViewData | null> {
  let person: Awaited<ReturnType<typeof getSpokesperson>>;
  try {
    person = await getSpokesperson({ db: options.db, idOrSlug: options.idOrSlug });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  // From the current hour, as the page asks, so the answer is shared for a minute by every reporter opening it.
  const from = Math.floor(options.now.getTime() / HOUR) * HOUR;
  const answer = await findFreeSlots({
    db: options.db,
    input: { spokespersonId: person.id, from: new Date(from), to: new Date(from + FIRST_VIEW_DAYS * 24 * HOUR), timeZone: 'UTC' },
    now: options.now,
  });
  return {
    language: options.language,
    spokesperson: { timeZone: person.timeZone, horizonDays: person.horizonDays },
    durationMinutes: answer.durationMinutes,
    starts: answer.days.flatMap((day) => day.slots.map((slot) => Date.parse(slot.start) / 60_000)),
    texts: firstViewTexts(options.language, person, answer.durationMinutes),
  };
}

/** The page's language as the client picks it: `?lang=`, else the browser's first language we have. */
function pageLanguage(request: Request): Language {
  const asked = request.query.lang;
  if (isLanguage(asked)) return asked;
  const accepted = request.acceptsLanguages(...LANGUAGES);
  return isLanguage(accepted) ? accepted : 'en';
}

/** A CSP source allowing one inline script or style by its content. */
const cspHash = (content: string) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`;

/**
 * index.html with its stylesheet (the main chunk's, Vite's one `<link>`)
 * written into a `<style>` element, and that element's CSP hash; unchanged
 * when there is no such link or the file cannot be inlined.
 */
function inlineStylesheet(html: string, dist: string): { html: string; styleHash: string | undefined } {
  const link = /<link rel="stylesheet"[^>]* href="\/(assets\/[^"]+\.css)">/.exec(html);
  if (!link) return { html, styleHash: undefined };
  const file = join(dist, link[1]!);
  const css = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!css || /<\/style/i.test(css)) return { html, styleHash: undefined };
  return { html: html.replace(link[0], () => `<style>${css}</style>`), styleHash: cspHash(css) };
}

/** JSON inside a <script> element: no `<` that could end it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The handler for the client's HTML routes: booking pages with their first
 * view, everything else (and a booking page that cannot have one) to `next`.
 * `scriptHash` is the CSP source that lets the inline script run.
 */
export function bookingFirstView(options: { db: DbOrTx; dist: string; logger: Logger; now: () => Date }) {
  const indexFile = join(options.dist, 'index.html');
  const scriptFile = join(options.dist, FIRST_VIEW_SCRIPT);
  const built = existsSync(indexFile) && existsSync(scriptFile);
  const script = built ? readFileSync(scriptFile, 'utf8').trim() : '';
  const scriptHash = built ? cspHash(script) : undefined;
  // The stylesheet inline too: a linked one holds the script back until it has arrived (a round trip and more).
  const { html: template, styleHash } = built ? inlineStylesheet(readFileSync(indexFile, 'utf8'), options.dist) : { html: '', styleHash: undefined };
  const slot = '<div id="root"></div>';
  const usable = built && template.includes(slot);

  async function page(request: Request): Promise<string | null> {
    const match = BOOKING_PATH.exec(request.path);
    if (!usable || !match) return null;
    let idOrSlug: string;
    try {
      idOrSlug = decodeURIComponent(match[1]!);
    } catch {
      return null;
    }
    const data = await firstViewData({ db: options.db, idOrSlug, language: pageLanguage(request), now: options.now() });
    if (!data) return null;
    return template.replace(slot, `${slot}<script type="application/json" id="${FIRST_VIEW_DATA_ID}">${scriptJson(data)}</script><script>${script}</script>`);
  }

  return {
    scriptHash,
    handle(request: Request, response: Response, next: () => void) {
      page(request).then(
        async (html) => {
          if (html === null) return next();
          // Allow this one inline script, by its hash, in whatever policy the answer already carries.
          const policy = response.getHeader('Content-Security-Policy');
          if (typeof policy === 'string' && scriptHash) {
            const allowed = policy.replace(/script-src 'self'/, `script-src 'self' ${scriptHash}`);
            response.setHeader('Content-Security-Policy', styleHash ? allowed.replace(/style-src 'self'/, `style-src 'self' ${styleHash}`) : allowed);
          }
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          // Live free times: never kept by a browser or a proxy.
          response.setHeader('Cache-Control', 'no-store');
          response.setHeader('Vary', 'Accept-Language, Accept-Encoding');
          if (request.acceptsEncodings('gzip') === 'gzip') {
            response.setHeader('Content-Encoding', 'gzip');
            response.end(await gzipAsync(html));
          } else response.end(html);
        },
        (error: unknown) => {
          // The page still works without its first view: the app asks for the same answers.
          options.logger.warn({ err: error }, 'booking page first view failed; serving the plain page');
          next();
        },
      );
    },
  };
}
