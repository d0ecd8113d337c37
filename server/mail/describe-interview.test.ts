import { describe, expect, it } from 'vitest';
import { buildWhatsAppLink } from './build-whatsapp-link';
import { describeInterview, type InterviewDetails } from './describe-interview';
import { makeInterviewDetails } from './test-factories';

describe('describeInterview: summary and times', () => {
  it('writes SUMMARY exactly as "Interview: <spokesperson> – <outlet>"', () => {
    expect(describeInterview(makeInterviewDetails(), 'reporter').summary).toBe('Interview: Hector Guerra – Le Temps');
  });

  it('shows a New York reporter New York time first, then Zurich', () => {
    const { whenLines, descriptionText } = describeInterview(makeInterviewDetails(), 'reporter');
    expect(whenLines).toEqual([
      'Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)',
      '15:00–15:30 Zurich time (CET, UTC+1)',
    ]);
    expect(descriptionText).toContain(
      'When:\n  Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)\n  15:00–15:30 Zurich time (CET, UTC+1)\n',
    );
  });

  it('shows the Zurich spokesperson Zurich time first, then New York', () => {
    expect(describeInterview(makeInterviewDetails(), 'spokesperson').whenLines).toEqual([
      'Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)',
      '10:00–10:30 New York time (EDT, UTC−4)',
    ]);
  });

  it('keeps SUMMARY and LOCATION on one line whatever the names contain', () => {
    const details = makeInterviewDetails({
      spokesperson: { name: 'Hector\r\nGuerra\u2028', email: 'hector.guerra@example.org', timeZone: 'Europe/Zurich' },
      reporter: {
        name: 'Marie\rDupont',
        email: 'marie.dupont@example.org',
        outlet: 'Le\nTemps\u0085\u202E',
        timeZone: 'America/New_York',
      },
      formatDetails: { dialIn: '+41 78\r\nX-Injected: yes' },
    });
    const description = describeInterview(details, 'reporter');
    expect(description.summary).toBe('Interview: Hector Guerra – Le Temps');
    expect(description.location).toBe('Phone call: Marie Dupont calls Hector Guerra on +41 78 X-Injected: yes');
    expect(description.summary + description.location).not.toMatch(/[\r\n\u0085\u2028\u202E]/);
  });

  it('throws RangeError for an end not after the start or an unknown zone', () => {
    const details = makeInterviewDetails();
    expect(() => describeInterview({ ...details, end: details.start }, 'reporter')).toThrow(RangeError);
    expect(() =>
      describeInterview(makeInterviewDetails({ reporter: { ...details.reporter, timeZone: 'Nowhere/Special' } }), 'reporter'),
    ).toThrow(RangeError);
  });
});

describe('describeInterview: who sees what', () => {
  it('gives the reporter the manage link and the press officer, but not the spokesperson\'s address', () => {
    const { descriptionText } = describeInterview(makeInterviewDetails(), 'reporter');
    expect(descriptionText).toContain(
      'Cancel or ask to move (your private link): https://desk.example.org/manage/IV-7F3A?token=c2VjcmV0LXRva2VuLTEyOA',
    );
    expect(descriptionText).toContain('Press officer: Ana Ruiz, ana.ruiz@example.org, +41 (0) 78-000-0001');
    expect(descriptionText).toContain('Reference: IV-7F3A');
    expect(descriptionText).not.toContain('hector.guerra@example.org');
  });

  it('never gives the spokesperson the reporter\'s manage link, but gives the reporter\'s contact', () => {
    const description = describeInterview(makeInterviewDetails(), 'spokesperson');
    expect(description.descriptionText).not.toContain('token=');
    expect(description.descriptionText).not.toContain('/manage/');
    expect(JSON.stringify(description.fields)).not.toContain('token=');
    expect(description.descriptionText).toContain('Reporter: Marie Dupont, Le Temps, marie.dupont@example.org, +12125550100');
  });

  it('explains each attribution term in one line', () => {
    const lineFor = (attribution: InterviewDetails['attribution']) =>
      describeInterview(makeInterviewDetails({ attribution }), 'reporter')
        .descriptionText.split('\n')
        .find((line) => line.startsWith('Attribution: '));
    expect(lineFor('on_record')).toBe('Attribution: On the record: may be quoted by name (Hector Guerra).');
    expect(lineFor('background')).toBe(
      'Attribution: On background: may be used, but attributed only as agreed, e.g. "a coalition official", never by name.',
    );
    expect(lineFor('off_record')).toBe('Attribution: Off the record: not for publication.');
  });

  it('names the language in English', () => {
    const languageOf = (language: string) =>
      describeInterview(makeInterviewDetails({ language }), 'reporter').descriptionText.match(/^Language: (.*)$/m)?.[1];
    expect(languageOf('fr-CH')).toBe('Swiss French');
    expect(languageOf('pl')).toBe('Polish');
    expect(languageOf('not a tag!')).toBe('not a tag!');
  });

  it('keeps a multi-line topic readable and indented in the description', () => {
    const { descriptionText } = describeInterview(makeInterviewDetails({ topic: 'Budget\r\nand staffing' }), 'reporter');
    expect(descriptionText).toContain('Topic: Budget\n  and staffing\n');
  });
});

describe('describeInterview: location by format', () => {
  const locationOf = (overrides: Partial<InterviewDetails>) => describeInterview(makeInterviewDetails(overrides), 'reporter').location;

  it('phone: the reporter calls the dial-in number when there is one', () => {
    expect(locationOf({ format: 'phone' })).toBe('Phone call: Marie Dupont calls Hector Guerra on +41 (0) 78-000-0000');
  });

  it('phone: otherwise the spokesperson calls the reporter', () => {
    expect(locationOf({ format: 'phone', formatDetails: { dialIn: undefined } })).toBe(
      'Phone call: Hector Guerra calls Marie Dupont on +12125550100',
    );
  });

  it('phone: says the number is to follow when nobody has one', () => {
    const details = makeInterviewDetails({ formatDetails: { dialIn: undefined } });
    details.reporter.phone = undefined;
    expect(describeInterview(details, 'reporter').location).toBe('Phone call: the press office will confirm the number');
  });

  it('WhatsApp: links to wa.me with the international digits, dropping the trunk "(0)"', () => {
    const description = describeInterview(
      makeInterviewDetails({ format: 'whatsapp', formatDetails: { whatsapp: '+41 (0) 78-000-0000' } }),
      'reporter',
    );
    expect(description.location).toBe('WhatsApp call: Marie Dupont calls Hector Guerra on https://wa.me/41780000000');
    expect(description.descriptionText).toContain('https://wa.me/41780000000');
  });

  it('WhatsApp: falls back to the reporter\'s number, the spokesperson calling', () => {
    const details = makeInterviewDetails({ format: 'whatsapp', formatDetails: { dialIn: undefined } });
    details.reporter.whatsapp = '+1 212 555 0100';
    expect(describeInterview(details, 'spokesperson').location).toBe(
      'WhatsApp call: Hector Guerra calls Marie Dupont on https://wa.me/12125550100',
    );
  });

  it('video: the meeting link, and only an http(s) one', () => {
    expect(locationOf({ format: 'video', formatDetails: { videoUrl: 'https://meet.example.org/abc-def' } })).toBe(
      'Video call: https://meet.example.org/abc-def',
    );
    expect(locationOf({ format: 'video', formatDetails: { videoUrl: 'javascript:alert(1)' } })).toBe(
      'Video call: link to follow from the press office',
    );
  });

  it('studio, in person and written', () => {
    expect(locationOf({ format: 'studio', formatDetails: { studioAddress: 'Studio 2, Rue du Rhône 1, Genève' } })).toBe(
      'Studio: Studio 2, Rue du Rhône 1, Genève',
    );
    expect(locationOf({ format: 'in_person', formatDetails: { address: 'Chemin de la Paix 5\nGenève' } })).toBe(
      'In person: Chemin de la Paix 5 Genève',
    );
    expect(locationOf({ format: 'in_person' })).toBe('In person: address to follow from the press office');
    expect(locationOf({ format: 'written' })).toBe('Written interview by email');
  });
});

describe('buildWhatsAppLink', () => {
  it.each([
    ['+41 (0) 78-000-0000', 'https://wa.me/41780000000'],
    ['+41780000000', 'https://wa.me/41780000000'],
    ['+1 (212) 555-0100', 'https://wa.me/12125550100'],
  ])('%s → %s', (input, expected) => {
    expect(buildWhatsAppLink(input)).toBe(expected);
  });

  it('refuses what is not a possible international number', () => {
    expect(buildWhatsAppLink('078 000 00 00')).toBeNull();
    expect(buildWhatsAppLink('call me')).toBeNull();
    expect(buildWhatsAppLink('+1 2')).toBeNull();
  });
});
