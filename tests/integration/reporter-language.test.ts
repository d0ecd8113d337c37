// The reporter's emails and their copy of the invite in the language of their
// pages (reporterLocale), dates in that language and their zone; the
// spokesperson's copies stay English. Delivered through the outbox to a real
// SMTP server and parsed as a mail client would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { createMailTransport } from '../../server/mail/transport';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';
import { deliverDueMessages } from '../../server/outbox/deliver-outbox';
import { sendDueReminders } from '../../server/reminders/send-due-reminders';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
});
afterAll(() => database.destroy());

async function deliverAll(now: Date): Promise<ParsedMail[]> {
  const smtp = await startTestSmtpServer();
  const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 5000 });
  try {
    // One at a time, so the mails arrive in the order they were written (the
    // assertions read them in that order; four in flight may arrive in any).
    while ((await deliverDueMessages({ database, transport, config: workflowConfig(database), logger: silentLogger, now, batchSize: 100, settings: { concurrency: 1 } })).sent > 0);
    return await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
  } finally {
    transport.close();
    await smtp.close();
  }
}

const to = (mails: ParsedMail[], address: string) => mails.filter((mail) => (mail.to as { text: string }).text.includes(address));
const inviteOf = (mail: ParsedMail) => {
  const attachment = mail.attachments.find((part) => part.filename === 'invite.ics')!;
  const event = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8'))).getFirstSubcomponent('vevent')!;
  const alarm = event.getFirstSubcomponent('valarm');
  return {
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description')),
    location: String(event.getFirstPropertyValue('location')),
    alarm: String(alarm?.getFirstPropertyValue('description')),
  };
};
/** English that must not appear in a French or Spanish reporter's email or invite. */
const ENGLISH = /\b(Dear|Reference|When|Spokesperson|Topic|Press officer|Requested time|Interview confirmed|Updated|Cancelled|Reminder|New York time|Zurich time|Tokyo time|Video call|calls)\b/;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('the reporter’s language in emails and invites', () => {
  it('a French reporter in Tokyo: received, confirmed, moved and cancelled, all in French with Tokyo times; the spokesperson’s copies stay English', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: 'hector.fr@example.org' });
    const reporter = { name: 'Aiko Tanaka', email: 'aiko@example.org', outlet: 'Le Temps', timeZone: 'Asia/Tokyo', locale: 'fr' };
    // 15:00 in Zurich (CET) on Monday 22 March 2027 = 23:00 in Tokyo.
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-22T14:00:00Z', { reporter }));
    const approved = await desk.caller.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/aiko' } });
    await desk.caller.desk.interviews.reschedule({ interviewId: approved.interview!.id, start: '2027-03-23T14:00:00Z' });
    await desk.caller.desk.interviews.cancel({ interviewId: approved.interview!.id, reason: 'Le porte-parole est malade' });

    const mails = await deliverAll(WORKFLOW_NOW);
    const mine = to(mails, 'aiko@example.org');
    expect(mine.map((mail) => mail.subject)).toEqual([
      `Demande d’interview reçue : ${created.reference}`,
      'Interview confirmée : Hector Guerra – Le Temps, lun. 22 mars 23:00 heure de Tokyo',
      'Modifiée : Hector Guerra – Le Temps, mar. 23 mars 23:00 heure de Tokyo',
      'Annulée : Hector Guerra – Le Temps, mar. 23 mars 23:00 heure de Tokyo',
    ]);
    for (const mail of mine) {
      expect(mail.subject).not.toMatch(ISO_INSTANT);
      expect(mail.text, mail.subject).not.toMatch(ENGLISH);
      expect(mail.html, mail.subject).toContain('<html lang="fr">');
    }
    expect(mine[0]!.text).toContain('Bonjour Aiko Tanaka, merci.');
    expect(mine[0]!.text).toContain('lundi 22 mars 2027, 23:00–23:30 heure de Tokyo (UTC+9)');
    expect(mine[1]!.text).toContain('Votre interview avec Hector Guerra est confirmée.');

    const confirmed = inviteOf(mine[1]!);
    expect(confirmed.summary).toBe('Interview : Hector Guerra – Le Temps');
    expect(confirmed.location).toBe('Appel vidéo: https://meet.example.org/aiko');
    expect(confirmed.alarm).toBe('Dans 15 minutes : Interview : Hector Guerra – Le Temps');
    expect(confirmed.description).toContain('Quand:\n  lundi 22 mars 2027, 23:00–23:30 heure de Tokyo (UTC+9)\n  15:00–15:30 heure de Zurich (UTC+1)');
    expect(confirmed.description).toContain('Attribution: Citable : peut être cité nommément (Hector Guerra).');
    expect(confirmed.description).not.toMatch(ENGLISH);
    const cancelled = inviteOf(mine[3]!);
    expect(cancelled.description.startsWith('Cette interview est annulée.\n')).toBe(true);
    expect(mine[3]!.text).toContain('Motif donné par le service de presse: Le porte-parole est malade');

    // The spokesperson (staff) reads English.
    const spokesperson = to(mails, 'hector.fr@example.org');
    expect(spokesperson.map((mail) => mail.subject)).toEqual([
      'Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 15:00 Zurich time',
      'Updated: Hector Guerra – Le Temps, Tue 23 Mar 15:00 Zurich time',
      'Cancelled: Hector Guerra – Le Temps, Tue 23 Mar 15:00 Zurich time',
    ]);
    expect(inviteOf(spokesperson[0]!).summary).toBe('Interview: Hector Guerra – Le Temps');
    expect(spokesperson[0]!.html).toContain('<html lang="en">');
  });

  it('a Spanish reporter in Bogotá: declined, other times proposed, confirmed and reminded, all in Spanish', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Ana Ruiz', email: 'ana.es@example.org' });
    const reporter = (email: string) => ({ name: 'Camila Rojas', email, outlet: 'El Tiempo', timeZone: 'America/Bogota', locale: 'es' });
    const reporterCaller = await publicCaller(database);
    const declined = await reporterCaller.requests.create(requestInput(person.id, '2027-03-15T14:00:00Z', { reporter: reporter('camila.declined@example.org') }));
    await desk.caller.desk.requests.decline({ requestId: declined.requestId, reason: 'Agenda completa' });
    const proposed = await reporterCaller.requests.create(requestInput(person.id, '2027-03-16T14:00:00Z', { reporter: reporter('camila.proposed@example.org') }));
    await desk.caller.desk.requests.propose({ requestId: proposed.requestId, slots: [{ start: '2027-03-17T14:00:00Z' }, { start: '2027-03-18T15:00:00Z' }] });
    const booked = await reporterCaller.requests.create(requestInput(person.id, '2027-03-19T14:00:00Z', { reporter: reporter('camila.booked@example.org'), deadline: '2027-03-19T12:00:00Z' }));
    await desk.caller.desk.requests.approve({ requestId: booked.requestId, formatDetails: { videoUrl: 'https://meet.example.org/camila' } });
    await deliverAll(WORKFLOW_NOW).then((mails) => mails.length);
    // The 24-hour reminder, swept and delivered the day before.
    const dayBefore = new Date('2027-03-18T14:00:00Z');
    await sendDueReminders({ db: database.prisma, config: workflowConfig(database), now: dayBefore });
    const reminders = to(await deliverAll(dayBefore), 'camila.booked@example.org');

    const sent = await database.prisma.outboxMessage.findMany({ where: { recipient: { startsWith: 'camila.' } }, orderBy: { id: 'asc' }, select: { recipient: true, subject: true } });
    expect(sent.map((row) => [row.recipient, row.subject])).toEqual([
      ['camila.declined@example.org', `Solicitud de entrevista recibida: ${declined.reference}`],
      ['camila.declined@example.org', `Solicitud de entrevista rechazada: ${declined.reference}`],
      ['camila.proposed@example.org', `Solicitud de entrevista recibida: ${proposed.reference}`],
      ['camila.proposed@example.org', `Otras horas propuestas: ${proposed.reference}`],
      ['camila.booked@example.org', `Solicitud de entrevista recibida: ${booked.reference}`],
      ['camila.booked@example.org', 'Entrevista confirmada: Ana Ruiz – El Tiempo, vie, 19 mar 09:00 hora de Bogota'],
      ['camila.booked@example.org', `Recordatorio: entrevista en 24 horas, vie, 19 mar 09:00 hora de Bogota (${booked.reference})`],
    ]);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('Recordatorio: su entrevista con Ana Ruiz empieza el viernes, 19 de marzo de 2027, 09:00–09:30 hora de Bogota (UTC−5).');
    expect(reminders[0]!.text).not.toMatch(ENGLISH);
  });
});
