import { describe, expect, it } from 'vitest';
import { catalogueProblems, placeholdersOf } from '../../client/src/i18n/catalogue-check';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';
import { mailLanguageOf, mailTranslator } from './mail-language';
import { formatIntervalInZones, formatShortStartInZone } from './format-local-time';

describe('mail catalogues', () => {
  it('French and Spanish have every English key, with the same placeholders, all valid ICU', () => {
    expect(catalogueProblems(en, fr, 'fr')).toEqual([]);
    expect(catalogueProblems(en, es, 'es')).toEqual([]);
    for (const message of Object.values(en)) expect(() => placeholdersOf(message)).not.toThrow();
  });

  it('the check fails on a missing key and on a placeholder that differs from English', () => {
    const { 'received.title': _missing, ...withoutKey } = fr;
    expect(catalogueProblems(en, withoutKey, 'fr')).toEqual(['fr: missing received.title']);
    expect(catalogueProblems(en, { ...es, 'received.subject': 'Solicitud recibida: {referencia}' }, 'es')).toEqual([
      'es: received.subject has {referencia:argument}, English has {reference:argument}',
    ]);
    expect(catalogueProblems(en, { ...fr, 'offset.hours': '{count} heures' }, 'fr')).toEqual(['fr: offset.hours has {count:argument}, English has {count:plural}']);
  });

  it('takes the reporter’s stored language, English for anything else', () => {
    expect([mailLanguageOf('fr'), mailLanguageOf('es'), mailLanguageOf('fr-CH'), mailLanguageOf('de'), mailLanguageOf(null)]).toEqual(['fr', 'es', 'fr', 'en', 'en']);
    expect(mailTranslator('es')('offset.hours', { count: 1 })).toBe('1 hora');
  });

  it('writes dates in the reader’s language and zone, never as an ISO instant', () => {
    const interval = { start: Date.UTC(2027, 2, 22, 14), end: Date.UTC(2027, 2, 22, 14, 30) };
    expect(formatIntervalInZones(interval, ['Asia/Tokyo', 'Europe/Zurich'], 'fr')).toEqual(['lundi 22 mars 2027, 23:00–23:30 heure de Tokyo (UTC+9)', '15:00–15:30 heure de Zurich (UTC+1)']);
    expect(formatIntervalInZones(interval, ['America/Bogota'], 'es')).toEqual(['lunes, 22 de marzo de 2027, 09:00–09:30 hora de Bogota (UTC−5)']);
    expect(formatShortStartInZone(interval.start, 'Asia/Tokyo', 'fr')).toBe('lun. 22 mars 23:00 heure de Tokyo');
    expect(formatShortStartInZone(interval.start, 'America/New_York', 'en')).toBe('Mon 22 Mar 10:00 New York time');
  });
});
