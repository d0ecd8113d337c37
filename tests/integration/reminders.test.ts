// Email reminders before interviews (server/reminders/), on an injected clock
// and delivered to a real SMTP server on 127.0.0.1: the right instant across
// the 2027 DST changes, each recipient's own zone, exactly once across
// restarts and across two instances sharing the database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../../server/mail/transport';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';
import { sendDueReminders } from '../../server/reminders/send-due-reminders';
import { openDatabase } from '../../server/db';

const HOUR = 3_600_000;
let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
  await database.prisma.pressContact.create({
    data: {
      name: 'Jared Bloch',
      title: 'Communications manager',
      email: 'jared@example.org',
      phone: '+41780000000',
      whatsapp: '+41780000001',
      visibility: { email: 'public', phone: 'confirmed', whatsapp: 'confirmed' },
    },
  });
});
afterAll(() => database.destroy());

const config = () => workflowConfig(database);
const at = (iso: string | number) => new Date(iso);

/** A Zurich spokesperson, a New York reporter, a confirmed video interview at `start`. */
async function bookedInterview(start: string, spokesperson: Record<string, unknown> = {}) {
  const person = await makeBookableSpokesperson(database, spokesperson);
  const created = await (await publicCaller(database)).requests.create(
    requestInput(person.id, start, { deadline: new Date(Date.parse(start) - 2 * HOUR).toISOString(), reporter: { name: 'Dana Reyes', email: `dana-${person.id}@example.org`, outlet: 'Lakeside Tribune', timeZone: 'America/New_York' } }),
  );
  const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/launch' } });
  return { person, created, interviewId: approved.interview!.id };
}

const sweep = (now: Date) => sendDueReminders({ db: database.prisma, config: config(), now });
const reminderRows = (interviewId: string) => database.prisma.outboxMessage.findMany({ where: { interviewId, kind: 'reminder' }, orderBy: { id: 'asc' } });

async function deliverAll(now: Date) {
  const smtp = await startTestSmtpServer();
  const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 5000 });
  try {
    while ((await deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now })).sent > 0);
    return await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
  } finally {
    transport.close();
    await smtp.close();
  }
}
const reminders = (mails: ParsedMail[]) => mails.filter((mail) => mail.subject?.startsWith('Reminder:'));

describe('interview reminders', () => {
  it('arrive 24 h and 1 h before, across the EU clock change, each in its recipient’s zone, once', async () => {
    // Monday 29 March 2027, 09:00 in Zurich (CEST, the day after the change) = 03:00 in New York (EDT).
    const { created, interviewId } = await bookedInterview('2027-03-29T07:00:00Z');
    const dayBefore = at('2027-03-28T07:00:00Z'); // 24 real hours before; the night of the 28th had 23
    expect(await sweep(at(dayBefore.getTime() - 1000))).toBe(0);
    expect(await sweep(dayBefore)).toBe(2);
    expect(await sweep(at(dayBefore.getTime() + 30_000))).toBe(0);

    const rows = await reminderRows(interviewId);
    const mails = reminders(await deliverAll(dayBefore));
    expect(mails).toHaveLength(2);
    const toReporter = mails.find((mail) => mail.to && 'text' in mail.to && mail.to.text.includes('dana-'))!;
    const toSpokesperson = mails.find((mail) => mail !== toReporter)!;
    expect(toReporter.subject).toBe(`Reminder: interview in 24 hours, Mon 29 Mar 03:00 New York time (${created.reference})`);
    expect(toSpokesperson.subject).toBe(`Reminder: interview in 24 hours, Mon 29 Mar 09:00 Zurich time (${created.reference})`);
    // The mail view shows exactly the subject that was sent.
    expect(rows.map((row) => row.subject).sort()).toEqual([toReporter.subject, toSpokesperson.subject].sort());
    expect(toReporter.text).toContain('Monday 29 March 2027, 03:00–03:30 New York time (EDT, UTC−4)');
    expect(toReporter.text).toContain('09:00–09:30 Zurich time (CEST, UTC+2)');
    expect(toSpokesperson.text).toContain('Monday 29 March 2027, 09:00–09:30 Zurich time (CEST, UTC+2)');
    // Meeting details and the press officer to reach on the day.
    expect(toReporter.text).toContain('https://meet.example.org/launch');
    expect(toReporter.html).toContain('href="tel:+41780000000"');
    expect(toReporter.html).toContain('href="https://wa.me/41780000001"');
    expect(toReporter.text).toContain(created.manageUrl);
    expect(toSpokesperson.text).not.toContain(created.manageUrl);

    const hourBefore = at('2027-03-29T06:00:00Z');
    expect(await sweep(at(hourBefore.getTime() - 1000))).toBe(0);
    expect(await sweep(hourBefore)).toBe(2);
    const later = reminders(await deliverAll(hourBefore));
    expect(later.map((mail) => mail.subject).sort()).toEqual([
      `Reminder: interview in 1 hour, Mon 29 Mar 03:00 New York time (${created.reference})`,
      `Reminder: interview in 1 hour, Mon 29 Mar 09:00 Zurich time (${created.reference})`,
    ]);
    // After the start: nothing more.
    expect(await sweep(at('2027-03-29T07:00:01Z'))).toBe(0);
  });

  it('go at the right instant across the US clock change (New York reporter, 14 March 2027)', async () => {
    // Monday 15 March 2027, 10:00 in Zurich (CET) = 05:00 in New York (EDT since the 14th).
    const { interviewId } = await bookedInterview('2027-03-15T09:00:00Z');
    expect(await sweep(at('2027-03-14T08:59:59Z'))).toBe(0);
    expect(await sweep(at('2027-03-14T09:00:00Z'))).toBe(2);
    const rows = await reminderRows(interviewId);
    expect(rows.map((row) => row.subject).sort()).toEqual([
      expect.stringContaining('Mon 15 Mar 05:00 New York time'),
      expect.stringContaining('Mon 15 Mar 10:00 Zurich time'),
    ]);
  });

  it('none for a cancelled interview; a reschedule plans them for the new time', async () => {
    const cancelled = await bookedInterview('2027-04-06T08:00:00Z');
    await desk.caller.desk.interviews.cancel({ interviewId: cancelled.interviewId, reason: 'Travel' });
    expect(await sweep(at('2027-04-05T08:00:00Z'))).toBe(0);

    const moved = await bookedInterview('2027-04-07T08:00:00Z');
    expect(await sweep(at('2027-04-06T08:00:00Z'))).toBe(2);
    await desk.caller.desk.interviews.reschedule({ interviewId: moved.interviewId, start: '2027-04-08T12:00:00Z' });
    // The old start's 1-hour moment: nothing; the new start's: both recipients again.
    expect(await sweep(at('2027-04-07T07:00:00Z'))).toBe(0);
    expect(await sweep(at('2027-04-08T11:00:00Z'))).toBe(2);
    const subjects = (await reminderRows(moved.interviewId)).map((row) => row.subject);
    expect(subjects.filter((subject) => subject.includes('Thu 8 Apr'))).toHaveLength(2);
  });

  it('a server down through the reminder moments sends one late reminder, saying the real time left, once', async () => {
    const { interviewId } = await bookedInterview('2027-04-12T08:00:00Z');
    // Nothing ran at 24 h or 1 h before; the next start of a server is 20 minutes before.
    const restart = at('2027-04-12T07:40:00Z');
    expect(await sweep(restart)).toBe(2);
    expect(await sweep(at(restart.getTime() + 60_000))).toBe(0);
    const rows = await reminderRows(interviewId);
    expect(rows.map((row) => row.subject)).toEqual([expect.stringContaining('interview in 20 minutes'), expect.stringContaining('interview in 20 minutes')]);
    // Both moments are recorded, so neither is sent later.
    expect(await database.prisma.interviewReminder.count({ where: { interviewId } })).toBe(4);
  });

  it('no "in 24 hours" reminder for an interview booked after that moment', async () => {
    const { interviewId } = await bookedInterview('2027-04-14T08:00:00Z');
    await database.prisma.interview.update({ where: { id: interviewId }, data: { updatedAt: at('2027-04-14T04:00:00Z') } });
    expect(await sweep(at('2027-04-14T05:00:00Z'))).toBe(0);
    expect(await sweep(at('2027-04-14T07:00:00Z'))).toBe(2);
  });

  it('two instances sweeping at once queue each reminder once, and two workers deliver each once', async () => {
    // PostgreSQL: a second connection pool, as a second server would have. SQLite: two
    // connections in one process cannot wait for each other (better-sqlite3 blocks the one
    // thread that would commit), so both "instances" share the serialised connection here.
    const second = database.provider === 'postgres' ? await openDatabase(database.target) : { prisma: database.prisma, close: async () => {} };
    try {
      const booked: Awaited<ReturnType<typeof bookedInterview>>[] = [];
      for (let index = 0; index < 6; index++) booked.push(await bookedInterview(`2027-05-0${index + 3}T08:00:00Z`));
      const now = at('2027-05-02T08:00:00Z'); // covers the 24-hour moments of the 3 May interview only
      const sweeps = await Promise.all([
        sendDueReminders({ db: database.prisma, config: config(), now }),
        sendDueReminders({ db: second.prisma, config: config(), now }),
        sendDueReminders({ db: database.prisma, config: config(), now }),
        sendDueReminders({ db: second.prisma, config: config(), now }),
      ]);
      expect(sweeps.reduce((sum, count) => sum + count, 0)).toBe(2);
      // Then each other interview's 1-hour moment, two instances sweeping at once each time.
      let total = 0;
      for (const interview of booked.slice(1)) {
        const moment = new Date(Date.parse((await database.prisma.interview.findUniqueOrThrow({ where: { id: interview.interviewId } })).startsAt.toISOString()) - HOUR);
        const counts = await Promise.all([
          sendDueReminders({ db: database.prisma, config: config(), now: moment }),
          sendDueReminders({ db: second.prisma, config: config(), now: moment }),
        ]);
        total += counts[0] + counts[1];
      }
      expect(total).toBe(10);
      const queued = await database.prisma.outboxMessage.count({ where: { kind: 'reminder', interviewId: { in: booked.map((entry) => entry.interviewId) } } });
      expect(queued).toBe(12);

      // Delivery by two workers at once, to one SMTP server: twelve reminders, each once.
      const all = at('2027-05-08T07:00:00Z');
      const smtp = await startTestSmtpServer();
      const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 5000 });
      try {
        const secondDatabase = { ...database, prisma: second.prisma } as typeof database;
        for (let round = 0; round < 10; round++) {
          const results = await Promise.all([
            deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now: all }),
            deliverDueMessages({ database: secondDatabase, transport, config: config(), logger: silentLogger, now: all }),
          ]);
          if (results.every((result) => result.sent === 0)) break;
        }
        const mails = await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
        const sentReminders = reminders(mails).filter((mail) => booked.some((entry) => mail.subject?.includes(entry.created.reference)));
        expect(sentReminders).toHaveLength(12);
        expect(new Set(sentReminders.map((mail) => mail.messageId)).size).toBe(12);
      } finally {
        transport.close();
        await smtp.close();
      }
    } finally {
      await second.close();
    }
  });
});
