import { describe, expect, it } from 'vitest';
import { contactBlockHtml, contactBlockText } from '../../client/src/reporter/press-contact-block';
import { formatMessage, type Translate } from '../../client/src/i18n/i18n';
import fr from '../../client/src/i18n/messages/fr';

const jared = {
  name: 'Jared Bloch',
  title: 'Communications and Network Administration Manager',
  email: 'media@example.org',
  phone: '+41780000000',
  whatsapp: '+41780000000',
  phoneDisplay: '+41 78 000 00 00',
  whatsappDisplay: '+41 78 000 00 00',
  timeZone: 'Europe/Zurich',
  hoursStart: '09:00',
  hoursEnd: '18:00',
};
const bookingUrl = 'https://desk.example.org/releases/monitor#release-interviews';

describe('the press contact block', () => {
  it('names the zone by its abbreviation on the release date: CET in November, CEST in June', () => {
    expect(contactBlockText(jared, { date: new Date('2020-11-23T09:00:00Z'), bookingUrl })).toContain('Working hours: 09:00–18:00 Zurich time (CET)');
    expect(contactBlockText(jared, { date: new Date('2021-06-15T09:00:00Z'), bookingUrl })).toContain('Working hours: 09:00–18:00 Zurich time (CEST)');
  });

  it('gives phone and WhatsApp in international format with tel: and wa.me links, the email and the booking link', () => {
    const text = contactBlockText(jared, { date: new Date('2020-11-23T09:00:00Z'), bookingUrl });
    expect(text.split('\n')).toEqual([
      'To schedule an interview, contact: Jared Bloch, Communications and Network Administration Manager',
      'Working hours: 09:00–18:00 Zurich time (CET)',
      'Phone: +41 78 000 00 00',
      'WhatsApp: +41 78 000 00 00',
      'Email: media@example.org',
      `Request an interview: ${bookingUrl}`,
    ]);
    const html = contactBlockHtml(jared, { date: new Date('2020-11-23T09:00:00Z'), bookingUrl });
    expect(html).toContain('<a href="tel:+41780000000">+41 78 000 00 00</a>');
    expect(html).toContain('<a href="https://wa.me/41780000000">+41 78 000 00 00</a>');
    expect(html).toContain('<a href="mailto:media@example.org">media@example.org</a>');
  });

  it('leaves out channels that are not public and escapes what it prints', () => {
    const text = contactBlockText({ ...jared, phone: null, whatsapp: null, phoneDisplay: null, whatsappDisplay: null, name: 'A <b>' }, { date: new Date('2020-11-23T09:00:00Z'), bookingUrl });
    expect(text).not.toMatch(/Phone|WhatsApp/);
    expect(contactBlockHtml({ ...jared, name: 'A <script>' }, { date: new Date(), bookingUrl })).not.toContain('<script>');
  });

  it('is written in the reader’s language when given one (English, the console’s, otherwise)', () => {
    const t: Translate = (key, values) => formatMessage(fr, 'fr', 'fr-CH', key, values);
    expect(contactBlockText(jared, { date: new Date('2020-11-23T09:00:00Z'), bookingUrl, t }).split('\n')).toEqual([
      'Pour organiser une interview, contactez : Jared Bloch, Communications and Network Administration Manager',
      'Heures de travail: 09:00–18:00 heure de Zurich (CET)',
      'Téléphone: +41 78 000 00 00',
      'WhatsApp: +41 78 000 00 00',
      'E-mail: media@example.org',
      `Demander une interview: ${bookingUrl}`,
    ]);
  });
});
