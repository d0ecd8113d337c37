import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeInviteEmail, type ComposeInviteEmailOptions } from './compose-invite-email';
import { readMimeTree, type MimePart } from './mime-tree.test-fixture';
import { startTestSmtpServer, type ReceivedMessage, type TestSmtpServer } from './smtp-server.test-fixture';
import { makeInterviewDetails, makeInviteEmailOptions } from './test-factories';
import { createMailTransport, type MailTransport } from './transport';

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: '/nonexistent/not-used' });
});

afterAll(async () => {
  transport.close();
  await smtp.close();
});

function expectMessage(result: ReturnType<typeof composeInviteEmail>): Mail.Options {
  if ('error' in result) throw new Error(`expected a message, got: ${result.error}`);
  return result;
}

/** Composes, sends through the real SMTP server, and reads back what it received. */
async function sendAndReceive(options: ComposeInviteEmailOptions): Promise<{
  message: Mail.Options;
  received: ReceivedMessage;
  parsed: ParsedMail;
  tree: MimePart;
}> {
  const message = expectMessage(composeInviteEmail(options));
  const [sent, received] = await Promise.all([transport.send(message), smtp.nextMessage()]);
  expect(sent.rejected).toEqual([]);
  return { message, received, parsed: await simpleParser(received.raw), tree: readMimeTree(received.raw) };
}

function findCalendarParts(tree: MimePart): { calendar: MimePart; attachment: MimePart } {
  const alternative = tree.children[0]!;
  return { calendar: alternative.children[2]!, attachment: tree.children[1]! };
}

function findIcsText(options: ComposeInviteEmailOptions): string {
  const message = expectMessage(composeInviteEmail(options));
  const alternative = (message.alternatives as Array<{ content: string }>)[0]!;
  return alternative.content;
}

describe('composeInviteEmail: the message as received over SMTP', () => {
  it('is multipart/mixed → multipart/alternative (text, html, text/calendar) + invite.ics', async () => {
    const options = makeInviteEmailOptions();
    const { tree, parsed, received } = await sendAndReceive(options);

    expect(tree.type).toBe('multipart/mixed');
    expect(tree.children.map((child) => child.type)).toEqual(['multipart/alternative', 'application/ics']);
    const alternative = tree.children[0]!;
    expect(alternative.children.map((child) => child.type)).toEqual(['text/plain', 'text/html', 'text/calendar']);
    const { calendar, attachment } = findCalendarParts(tree);
    expect(calendar.parameters.method).toBe('REQUEST');
    expect(calendar.parameters.charset?.toUpperCase()).toBe('UTF-8');
    expect(calendar.headers.get('content-transfer-encoding')).toBe('base64');
    expect(calendar.headers.has('content-disposition')).toBe(false);
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment;\s*filename="?invite\.ics"?$/);
    expect(attachment.headers.get('content-transfer-encoding')).toBe('base64');

    // Byte-identical calendar parts, and exactly what createInvite produced.
    expect(attachment.body.equals(calendar.body)).toBe(true);
    const ics = calendar.body.toString('utf8');
    expect(ics).toBe(findIcsText(options));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nMETHOD:REQUEST\r\n');

    // mailparser's view agrees.
    expect(parsed.messageId).toBe('<outbox-42.invite@desk.example.org>');
    const calendarAttachments = parsed.attachments.filter((item) => /calendar|ics/.test(item.contentType));
    expect(calendarAttachments.map((item) => item.contentType).sort()).toEqual(['application/ics', 'text/calendar']);
    expect(calendarAttachments[0]!.content.equals(calendarAttachments[1]!.content)).toBe(true);
    expect(parsed.subject).toBe('Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time');
    expect(parsed.text).toContain('Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)');

    // Envelope and headers: from the press office mailbox, to the reporter only.
    expect(received.from).toBe('press@example.org');
    expect(received.to).toEqual(['marie.dupont@example.org']);
    expect(tree.headers.get('from')).toBe('Coalition Press Office <press@example.org>');
    expect(tree.headers.get('reply-to')).toBe('Ana Ruiz <ana.ruiz@example.org>');
    expect(tree.headers.get('auto-submitted')).toBe('auto-generated');
    expect(received.raw.toString('latin1')).not.toMatch(/[^\r]\n/);
  });

  it('carries an iTIP REQUEST with the press office as ORGANIZER and both people as ATTENDEEs', async () => {
    const { tree } = await sendAndReceive(makeInviteEmailOptions({ sequence: 3 }));
    const calendar = new ICAL.Component(ICAL.parse(findCalendarParts(tree).calendar.body.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = calendar.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('uid')).toBe('iv-7f3a2c@desk.example.org');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('summary')).toBe('Interview: Hector Guerra – Le Temps');
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-03-22T14:00:00.000Z');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:press@example.org');
    expect(event.getFirstProperty('organizer')!.getParameter('cn')).toBe('Coalition Press Office');
    expect(event.getAllProperties('attendee').map((property) => property.getFirstValue())).toEqual([
      'mailto:marie.dupont@example.org',
      'mailto:hector.guerra@example.org',
    ]);
    expect(event.getFirstPropertyValue('location')).toBe('Phone call: Marie Dupont calls Hector Guerra on +41 (0) 78-000-0000');
    expect(event.getFirstPropertyValue('description')).toContain('10:00–10:30 New York time (EDT, UTC−4)');
  });

  it('escapes user text in the HTML (a topic with <script> and &)', async () => {
    const details = makeInterviewDetails({ topic: 'Budget <script>alert("x")</script> & "staff" cuts' });
    const { parsed } = await sendAndReceive(makeInviteEmailOptions({ details }));
    const html = parsed.html as string;
    expect(html).toContain('Budget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;staff&quot; cuts');
    expect(html).not.toContain('<script');
    expect(parsed.text).toContain('Budget <script>alert("x")</script> & "staff" cuts');
  });

  it('keeps CR/LF from hostile names out of the subject and every header', async () => {
    const hostile = 'Hector\r\nBcc: victim@example.org\r\nX-Evil: 1';
    const details = makeInterviewDetails({
      spokesperson: { name: hostile, email: 'hector.guerra@example.org', timeZone: 'Europe/Zurich' },
      reporter: { name: 'Marie\nDupont', email: 'marie.dupont@example.org', outlet: 'Le\r\nTemps\r\n\r\n<b>body</b>', timeZone: 'America/New_York' },
      pressOfficer: { name: 'Ana\r\nSubject: spoof', email: 'ana.ruiz@example.org' },
    });
    const { parsed, received, tree, message } = await sendAndReceive(
      makeInviteEmailOptions({ details, from: { name: 'Press\r\nOffice', email: 'press@example.org' } }),
    );
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    expect(parsed.subject).toBe(
      'Interview confirmed: Hector Bcc: victim@example.org X-Evil: 1 – Le Temps <b>body</b>, Mon 22 Mar 10:00 New York time',
    );
    const headerNames = parsed.headerLines.map((line) => line.key);
    expect(headerNames).not.toContain('bcc');
    expect(headerNames).not.toContain('x-evil');
    expect(headerNames.filter((name) => name === 'subject')).toHaveLength(1);
    expect(received.to).toEqual(['marie.dupont@example.org']);
    expect(tree.children.map((child) => child.type)).toEqual(['multipart/alternative', 'application/ics']);
  });

  it('puts the manage link in the reporter\'s copy only', async () => {
    const reporterCopy = await sendAndReceive(makeInviteEmailOptions({ recipient: 'reporter' }));
    const spokespersonCopy = await sendAndReceive(makeInviteEmailOptions({ recipient: 'spokesperson' }));
    expect(reporterCopy.parsed.text).toContain('token=c2VjcmV0LXRva2VuLTEyOA');
    expect(findCalendarParts(reporterCopy.tree).calendar.body.toString('utf8')).toContain('token=c2VjcmV0LXRva2VuLTEyOA');

    expect(spokespersonCopy.received.to).toEqual(['hector.guerra@example.org']);
    expect(spokespersonCopy.parsed.subject).toBe('Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 15:00 Zurich time');
    expect(spokespersonCopy.parsed.text).toContain(
      'Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)\n  10:00–10:30 New York time (EDT, UTC−4)',
    );
    for (const part of [spokespersonCopy.parsed.text, spokespersonCopy.parsed.html, findCalendarParts(spokespersonCopy.tree).calendar.body.toString('utf8')]) {
      expect(part).not.toContain('token=');
    }
    // Same event in both calendars.
    const uidOf = (tree: MimePart) => /\r\nUID:(.*)\r\n/.exec(findCalendarParts(tree).calendar.body.toString('utf8'))?.[1];
    expect(uidOf(spokespersonCopy.tree)).toBe(uidOf(reporterCopy.tree));
  });

  it('CANCEL: text/calendar with method=CANCEL, METHOD:CANCEL and STATUS:CANCELLED, subject "Cancelled: …"', async () => {
    const { tree, parsed } = await sendAndReceive(makeInviteEmailOptions({ method: 'CANCEL', sequence: 2 }));
    const { calendar, attachment } = findCalendarParts(tree);
    expect(calendar.contentTypeHeader).toMatch(/^text\/calendar; charset=UTF-8; method=CANCEL$/);
    expect(calendar.parameters.method).toBe('CANCEL');
    expect(attachment.body.equals(calendar.body)).toBe(true);
    const ics = calendar.body.toString('utf8');
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
    expect(parsed.subject).toBe('Cancelled: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time');
    expect(parsed.text).toContain('has been cancelled');
    expect(parsed.html).not.toContain('calendar.google.com');
  });
});

describe('composeInviteEmail: without the network', () => {
  it('says "Updated:" for a REQUEST after a change', () => {
    const message = expectMessage(composeInviteEmail(makeInviteEmailOptions({ sequence: 1 })));
    expect(message.subject).toBe('Updated: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time');
  });

  it('is plain JSON, so the outbox can store it and send the same bytes later', () => {
    const message = expectMessage(composeInviteEmail(makeInviteEmailOptions()));
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
    expect(message).not.toHaveProperty('date');
  });

  it('gives both calendar parts the same createInvite text, typed as clients expect', () => {
    const message = expectMessage(composeInviteEmail(makeInviteEmailOptions()));
    const alternative = (message.alternatives as Array<{ content: string; contentType: string }>)[0]!;
    const attachment = (message.attachments as Array<{ content: string; filename: string; contentType: string }>)[0]!;
    expect(alternative.contentType).toBe('text/calendar; charset=UTF-8; method=REQUEST');
    expect(attachment).toMatchObject({ filename: 'invite.ics', contentType: 'application/ics' });
    expect(attachment.content).toBe(alternative.content);
    // createInvite's fixed opening (see create-invite.test.ts for the full contract).
    expect(alternative.content.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:-//Interview Desk//EN\r\nMETHOD:REQUEST\r\n')).toBe(true);
  });

  it('normalises the Message-ID to angle brackets and refuses malformed ones', () => {
    expect(expectMessage(composeInviteEmail(makeInviteEmailOptions({ messageId: 'abc.1@desk.example.org' }))).messageId).toBe(
      '<abc.1@desk.example.org>',
    );
    for (const messageId of ['no-at-sign', '<a@b>\r\nBcc: x@example.org', '<half@open', 'two words@x.org', '']) {
      expect(composeInviteEmail(makeInviteEmailOptions({ messageId }))).toHaveProperty('error');
    }
  });

  it.each<[string, Partial<ComposeInviteEmailOptions>]>([
    ['a bad from address', { from: { name: 'Press', email: 'not an address' } }],
    ['a bad reporter address', { details: makeInterviewDetails({ reporter: { name: 'M', email: 'm@', outlet: 'O', timeZone: 'UTC' } }) }],
    ['a UID without @', { uid: 'no-at' }],
    ['a negative sequence', { sequence: -1 }],
    ['an unknown zone', { details: makeInterviewDetails({ spokesperson: { name: 'H', email: 'h@example.org', timeZone: 'Europe/Atlantis' } }) }],
    ['an end before the start', { details: { ...makeInterviewDetails(), end: new Date(Date.UTC(2027, 2, 22, 13)) } }],
    ['a relative public URL', { publicUrl: '/desk' }],
  ])('returns { error } and never throws for %s', (_label, overrides) => {
    const result = composeInviteEmail(makeInviteEmailOptions(overrides));
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).not.toBe('');
  });
});
