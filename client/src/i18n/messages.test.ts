import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import fr from './messages/fr';
import es from './messages/es';
import { catalogueProblems, placeholdersOf } from './catalogue-check';
import { browserLanguage, formatMessage, localeFor } from './i18n';

describe('message catalogues', () => {
  it('French and Spanish have every English key, with the same placeholders, all valid ICU', () => {
    expect(catalogueProblems(en, fr, 'fr')).toEqual([]);
    expect(catalogueProblems(en, es, 'es')).toEqual([]);
    for (const message of Object.values(en)) expect(() => placeholdersOf(message)).not.toThrow();
  });

  it('the check reports a missing key, a renamed or retyped placeholder, broken ICU and an extra key', () => {
    const source = { a: 'Hello {name}', b: '{count, plural, one {# day} other {# days}}', c: 'Plain', d: 'At {time}' };
    const broken = { a: 'Bonjour {nom}', b: '{count} jours', d: 'À {time', e: 'Extra' };
    expect(catalogueProblems(source, broken, 'xx')).toEqual([
      'xx: a has {nom:argument}, English has {name:argument}',
      'xx: b has {count:argument}, English has {count:plural}',
      'xx: missing c',
      expect.stringMatching(/^xx: d is not valid ICU/),
      'xx: e is not in English',
    ]);
  });

  it('plurals follow each language', () => {
    expect(formatMessage(en, 'en', 'en', 'options.minutes', { minutes: 1 })).toBe('1 minute');
    expect(formatMessage(fr, 'fr', 'fr-CH', 'options.minutes', { minutes: 45 })).toBe('45 minutes');
    expect(formatMessage(es, 'es', 'es', 'zone.matches', { count: 1, zone: 'Madrid' })).toBe('1 zona coincide; pulse Intro para elegir Madrid');
  });

  it('the page language comes from the browser’s languages; dates keep the browser’s regional tag in that language', () => {
    expect(browserLanguage(['fr-CH', 'en'])).toBe('fr');
    expect(browserLanguage(['de-CH', 'es-419'])).toBe('es');
    expect(browserLanguage(['de-DE', 'ja'])).toBe('en');
    expect(localeFor('fr', ['fr-CH', 'en-US'])).toBe('fr-CH');
    expect(localeFor('es', ['fr-CH', 'en-US'])).toBe('es');
    expect(localeFor('en', ['en-GB'])).toBe('en-GB');
  });
});
