import type { InviteOptions } from './create-invite';

/**
 * A valid REQUEST for the demo interview (15:00 Europe/Zurich on 2027-03-22,
 * i.e. 14:00Z), with overrides. Test-only.
 */
export function makeInviteOptions(overrides: Partial<InviteOptions> = {}): InviteOptions {
  return {
    method: 'REQUEST',
    uid: 'iv-7f3a2c@desk.example.org',
    sequence: 0,
    dtstamp: Date.UTC(2027, 2, 1, 8, 0, 0),
    start: Date.UTC(2027, 2, 22, 14, 0, 0),
    end: Date.UTC(2027, 2, 22, 14, 30, 0),
    status: 'CONFIRMED',
    summary: 'Interview: Hector Guerra – Le Temps',
    description: 'Topic: report launch\nYour time: 15:00 Europe/Zurich\nDial-in: +41 (0) 78-000-0000',
    location: 'Phone',
    organizer: { name: 'Press Office', email: 'press@example.org' },
    attendees: [
      { name: 'Hector Guerra', email: 'hector.guerra@example.org' },
      { name: 'Marie Dupont', email: 'marie.dupont@example.org' },
    ],
    ...overrides,
  };
}
