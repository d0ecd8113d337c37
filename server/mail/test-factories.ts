import { DateTime } from 'luxon';
import type { ComposeInviteEmailOptions } from './compose-invite-email';
import type { InterviewDetails } from './describe-interview';

/** 15:00 Europe/Zurich on Monday 2027-03-22 (CET, UTC+1): 14:00Z, 10:00 in New York (EDT, UTC−4). */
export const ZURICH_START = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 15 }, { zone: 'Europe/Zurich' });

/**
 * A phone interview between a Zurich spokesperson and a New York reporter at
 * 15:00–15:30 Zurich time, with overrides (shallow, plus `reporter`,
 * `spokesperson`, `formatDetails` and `pressOfficer` merged one level deep). Test-only.
 */
export function makeInterviewDetails(overrides: Partial<InterviewDetails> = {}): InterviewDetails {
  const { reporter, spokesperson, formatDetails, pressOfficer, ...rest } = overrides;
  return {
    reference: 'IV-7F3A',
    start: ZURICH_START.toJSDate(),
    end: ZURICH_START.plus({ minutes: 30 }).toJSDate(),
    format: 'phone',
    topic: 'Launch of the coalition report',
    attribution: 'on_record',
    language: 'en',
    manageUrl: 'https://desk.example.org/manage/IV-7F3A?token=c2VjcmV0LXRva2VuLTEyOA',
    ...rest,
    spokesperson: { name: 'Hector Guerra', email: 'hector.guerra@example.org', timeZone: 'Europe/Zurich', ...spokesperson },
    reporter: {
      name: 'Marie Dupont',
      email: 'marie.dupont@example.org',
      outlet: 'Le Temps',
      timeZone: 'America/New_York',
      phone: '+12125550100',
      ...reporter,
    },
    formatDetails: { dialIn: '+41 (0) 78-000-0000', ...formatDetails },
    pressOfficer: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org', phone: '+41 (0) 78-000-0001', ...pressOfficer },
  };
}

/** A valid REQUEST for the reporter's copy of `makeInterviewDetails()`, with overrides. Test-only. */
export function makeInviteEmailOptions(overrides: Partial<ComposeInviteEmailOptions> = {}): ComposeInviteEmailOptions {
  return {
    method: 'REQUEST',
    sequence: 0,
    uid: 'iv-7f3a2c@desk.example.org',
    dtstamp: Date.UTC(2027, 2, 1, 8, 0, 0),
    details: makeInterviewDetails(),
    recipient: 'reporter',
    from: { name: 'Coalition Press Office', email: 'press@example.org' },
    messageId: '<outbox-42.invite@desk.example.org>',
    publicUrl: 'https://desk.example.org',
    ...overrides,
  };
}
