import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { renderNotification, type Notification, type NotificationDataByKind } from './render-email';
import { ZURICH_START } from './test-factories';

const pressOfficer = { name: 'Ana Ruiz', email: 'ana.ruiz@example.org', phone: '+41 (0) 78-000-0001' };
const spokesperson = { name: 'Hector Guerra', timeZone: 'Europe/Zurich' };
const interview = { start: ZURICH_START.toJSDate(), end: ZURICH_START.plus({ minutes: 30 }).toJSDate() };

const examples: { [K in keyof NotificationDataByKind]: NotificationDataByKind[K] } = {
  request_received: {
    reference: 'IV-7F3A',
    reporterName: 'Marie Dupont',
    reporterTimeZone: 'America/New_York',
    spokesperson,
    topic: 'Launch of the coalition report',
    requestedSlot: interview,
    manageUrl: 'https://desk.example.org/manage/IV-7F3A?token=secret',
    pressOfficer,
  },
  request_declined: {
    reference: 'IV-7F3A',
    reporterName: 'Marie Dupont',
    spokespersonName: 'Hector Guerra',
    topic: 'Launch of the coalition report',
    reason: 'Hector is travelling that week.',
    pressOfficer,
  },
  times_proposed: {
    reference: 'IV-7F3A',
    reporterName: 'Marie Dupont',
    reporterTimeZone: 'America/New_York',
    spokesperson,
    topic: 'Launch of the coalition report',
    proposals: [
      interview,
      {
        start: ZURICH_START.plus({ days: 1, hours: -6 }).toJSDate(),
        end: ZURICH_START.plus({ days: 1, hours: -6, minutes: 45 }).toJSDate(),
      },
    ],
    message: 'Mornings are easier for Hector.',
    manageUrl: 'https://desk.example.org/manage/IV-7F3A?token=secret',
    pressOfficer,
  },
  request_cancelled: {
    reference: 'IV-7F3A',
    reporterName: 'Marie Dupont',
    topic: 'Launch of the coalition report',
    cancelledBy: 'desk',
    reason: 'The launch has been postponed.',
    pressOfficer,
  },
  request_expired: {
    reference: 'IV-7F3A',
    reporterName: 'Marie Dupont',
    reporterTimeZone: 'America/New_York',
    topic: 'Launch of the coalition report',
    deadline: DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 18 }, { zone: 'America/New_York' }).toJSDate(),
    pressOfficer,
  },
  desk_new_request: {
    reference: 'IV-7F3A',
    reporter: { name: 'Marie Dupont', email: 'marie.dupont@example.org', outlet: 'Le Temps', timeZone: 'America/New_York' },
    spokesperson,
    topic: 'Launch of the coalition report',
    format: 'video',
    language: 'fr',
    attribution: 'background',
    deadline: DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 18 }, { zone: 'America/New_York' }).toJSDate(),
    requestedSlot: interview,
    deskTimeZone: 'Europe/Zurich',
    deskUrl: 'https://desk.example.org/desk/requests/IV-7F3A',
  },
};

const allNotifications = Object.entries(examples).map(([kind, data]) => ({ kind, data }) as Notification);

function render(notification: Notification) {
  return renderNotification(notification.kind, notification.data as never);
}

describe('renderNotification: every kind', () => {
  it.each(allNotifications.map((notification) => [notification.kind, notification] as const))(
    '%s has a one-line subject with the reference, and matching text and HTML',
    (_kind, notification) => {
      const email = render(notification);
      expect(email.subject).toContain('IV-7F3A');
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text).toContain('IV-7F3A');
      expect(email.html).toContain('IV-7F3A');
      expect(email.html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(email.text.endsWith('\n')).toBe(true);
    },
  );

  it('gives each kind its own subject', () => {
    expect(allNotifications.map((notification) => render(notification).subject)).toEqual([
      'Interview request received: IV-7F3A',
      'Interview request declined: IV-7F3A',
      'Other times proposed: IV-7F3A',
      'Interview request cancelled: IV-7F3A',
      'Interview request expired: IV-7F3A',
      'New interview request IV-7F3A: Le Temps – Hector Guerra',
    ]);
  });
});

describe('renderNotification: times', () => {
  it('lists each proposed time in the reporter\'s zone first, then the spokesperson\'s', () => {
    const { text, html } = renderNotification('times_proposed', examples.times_proposed);
    expect(text).toContain(
      [
        'Option 1:',
        '  Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)',
        '  15:00–15:30 Zurich time (CET, UTC+1)',
        'Option 2:',
        '  Tuesday 23 March 2027, 04:00–04:45 New York time (EDT, UTC−4)',
        '  09:00–09:45 Zurich time (CET, UTC+1)',
      ].join('\n'),
    );
    expect(html).toContain('Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)<br>15:00–15:30 Zurich time (CET, UTC+1)');
    expect(text).toContain('Choose a time:\nhttps://desk.example.org/manage/IV-7F3A?token=secret');
  });

  it('shows the requested slot to the reporter in their zone first', () => {
    expect(renderNotification('request_received', examples.request_received).text).toContain(
      'Requested time:\n  Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)\n  15:00–15:30 Zurich time (CET, UTC+1)',
    );
  });

  it('shows the desk the deadline in its own zone first, then the reporter\'s', () => {
    const { text } = renderNotification('desk_new_request', examples.desk_new_request);
    expect(text).toContain(
      // 18:00 EDT is 22:00Z: 23:00 in Zurich, still on CET until 28 March.
      'Deadline:\n  Monday 22 March 2027, 23:00 Zurich time (CET, UTC+1)\n  18:00 New York time (EDT, UTC−4)',
    );
    expect(text).toContain('Requested time:\n  Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)\n  10:00–10:30 New York time (EDT, UTC−4)');
    expect(text).toContain('Attribution: On background');
    expect(text).toContain('Format: Video call');
    expect(text).toContain('Language: French');
  });

  it('shows an expired request\'s deadline in the reporter\'s zone', () => {
    expect(renderNotification('request_expired', examples.request_expired).text).toContain(
      'Deadline: Monday 22 March 2027, 18:00 New York time (EDT, UTC−4)',
    );
  });
});

describe('renderNotification: safety', () => {
  it('escapes user text in the HTML and keeps it verbatim in the text', () => {
    const reason = '<img src=x onerror=alert(1)> & "quotes" \'single\'';
    const { html, text } = renderNotification('request_declined', { ...examples.request_declined, reason, reporterName: '<b>Marie</b>' });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
    expect(html).toContain('Dear &lt;b&gt;Marie&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>/);
    expect(text).toContain(`Reason: ${reason}`);
  });

  it('never turns a non-http(s) "link" into a clickable one', () => {
    const { html } = renderNotification('request_received', { ...examples.request_received, manageUrl: 'javascript:alert(document.cookie)' });
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('javascript:alert(document.cookie)');
  });

  it('links the press officer by mailto:, but only a plain address', () => {
    const { html, text } = renderNotification('request_declined', examples.request_declined);
    expect(html).toContain('<a href="mailto:ana.ruiz@example.org">ana.ruiz@example.org</a>');
    expect(text).toContain('Press officer:\n  Ana Ruiz\n  ana.ruiz@example.org\n  +41 (0) 78-000-0001');
    const hostile = renderNotification('request_declined', {
      ...examples.request_declined,
      pressOfficer: { name: 'X', email: 'a@example.org?bcc=all@example.org' },
    });
    expect(hostile.html).not.toContain('href="mailto:a@example.org?bcc');
  });

  it('keeps hostile input out of the subject line', () => {
    const { subject } = renderNotification('desk_new_request', {
      ...examples.desk_new_request,
      reference: 'IV-1\r\nBcc: all@example.org',
      reporter: { ...examples.desk_new_request.reporter, outlet: 'Le\nTemps\u202E' },
    });
    expect(subject).toBe('New interview request IV-1 Bcc: all@example.org: Le Temps – Hector Guerra');
  });

  it('words a cancellation by who cancelled', () => {
    expect(renderNotification('request_cancelled', { ...examples.request_cancelled, cancelledBy: 'reporter', reason: undefined }).text).toContain(
      'Dear Marie Dupont, as you asked, your interview request is cancelled.',
    );
    expect(renderNotification('request_cancelled', examples.request_cancelled).text).toContain(
      'Dear Marie Dupont, the press office has cancelled your interview request.',
    );
  });
});
