// The press contact block of a release, generated from the press contact's
// public channels: name, role, working hours with the zone's abbreviation for
// the release's date (CET in November, CEST in June; computed, never stored),
// phone and WhatsApp in international format with tel:/wa.me links, email and
// the booking link. Press officers copy it as text or HTML into their emails
// (in English, as the console is); reporters read it in their pages' language.
import { zoneAbbreviation } from '../components/zone-abbreviation';
import { formatMessage, useI18n, type Translate } from '../i18n/i18n';
import { en } from '../i18n/messages/en';
import { zoneCity } from '../time';
import type { ReleaseContact } from './release-types';
import './release.css';

type BlockContact = Pick<ReleaseContact, 'name' | 'title' | 'email' | 'phone' | 'whatsapp' | 'phoneDisplay' | 'whatsappDisplay' | 'timeZone' | 'hoursStart' | 'hoursEnd'>;

interface BlockOptions {
  /** The release's date (its embargo or publication instant); the zone abbreviation is the one in force then. */
  date: Date;
  /** Absolute address of the page where reporters request an interview. */
  bookingUrl: string;
  /** The language the block is written in; English (the console's) when absent. */
  t?: Translate;
}

const english: Translate = (key, values) => formatMessage(en, 'en', 'en', key, values);

/** "09:00–18:00 Zurich time (CET)" or "Zurich time (CEST)" without hours; null without a zone. */
export function workingHoursText(contact: BlockContact, date: Date, t: Translate = english): string | null {
  if (!contact.timeZone) return null;
  const zone = t('contact.zone', { city: zoneCity(contact.timeZone), abbreviation: zoneAbbreviation(contact.timeZone, date) });
  return contact.hoursStart && contact.hoursEnd ? `${contact.hoursStart}–${contact.hoursEnd} ${zone}` : zone;
}

const telHref = (e164: string) => `tel:${e164}`;
const whatsappHref = (e164: string) => `https://wa.me/${e164.replace(/^\+/, '')}`;

/** The lines of the block: [label, shown text, link or null]. */
function blockLines(contact: BlockContact, options: BlockOptions): [string, string, string | null][] {
  const t = options.t ?? english;
  const lines: [string, string, string | null][] = [];
  const hours = workingHoursText(contact, options.date, t);
  if (hours) lines.push([t('contact.hours'), hours, null]);
  if (contact.phone) lines.push([t('contact.phone'), contact.phoneDisplay ?? contact.phone, telHref(contact.phone)]);
  if (contact.whatsapp) lines.push([t('contact.whatsapp'), contact.whatsappDisplay ?? contact.whatsapp, whatsappHref(contact.whatsapp)]);
  if (contact.email) lines.push([t('contact.email'), contact.email, `mailto:${contact.email}`]);
  lines.push([t('contact.request'), options.bookingUrl, options.bookingUrl]);
  return lines;
}

/** Plain text, for pasting into an email. */
export function contactBlockText(contact: BlockContact, options: BlockOptions): string {
  const lines = blockLines(contact, options).map(([label, text]) => `${label}: ${text}`);
  return [`${(options.t ?? english)('contact.intro')} ${contact.name}, ${contact.title}`, ...lines].join('\n');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** HTML, for pasting into a rich email. */
export function contactBlockHtml(contact: BlockContact, options: BlockOptions): string {
  const lines = blockLines(contact, options).map(
    ([label, text, href]) => `<br>${escapeHtml(label)}: ${href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text)}`,
  );
  return `<p>${escapeHtml((options.t ?? english)('contact.intro'))} <strong>${escapeHtml(contact.name)}</strong>, ${escapeHtml(contact.title)}${lines.join('')}</p>`;
}

/** The block on a page. */
export function PressContactBlock({ contact, date, bookingUrl }: { contact: BlockContact } & Omit<BlockOptions, 't'>) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="press-contact-heading" className="card press-contact-block">
      <h2 id="press-contact-heading">{t('contact.heading')}</h2>
      <p>
        {t('contact.intro')} <strong>{contact.name}</strong>, {contact.title}
      </p>
      <dl className="contact-lines">
        {blockLines(contact, { date, bookingUrl, t }).map(([label, text, href]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{href ? <a href={href}>{text}</a> : text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
