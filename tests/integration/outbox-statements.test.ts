// The outbox's SQL statements (server/outbox/outbox-statements.ts) against the
// Prisma reads and writes they replace, on the database under test: the same
// rows, the same types (Date, parsed JSON), the same claim and fence rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput } from '../support/workflow';
import { claimDueEmails, readInterviewForMail, readOfficeIdentity, readOfficePressContact, readRequestForMail, recordEmailSent } from '../../server/outbox/outbox-statements';
import { renderOutboxMessage } from '../../server/outbox/render-outbox-message';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const MINUTE = 60_000;
const NOW = new Date('2027-03-01T08:00:00.123Z');

function message(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'request_new',
    recipient: 'desk@example.org',
    subject: 'Queued subject',
    payload: { reason: 'ä ✓', nested: { n: 1 } },
    messageId: `<${Math.random().toString(36).slice(2)}@example.org>`,
    nextAttemptAt: new Date(NOW.getTime() - MINUTE),
    ...overrides,
  };
}

describe('outbox statements', () => {
  it('read a request with its spokesperson exactly as the Prisma read does, and one without a spokesperson', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: 'hector@example.org' });
    const created = await (await publicCaller(database)).requests.create(
      requestInput(person.id, '2027-03-10T09:00:00Z', { reporter: { name: 'Dana Ø', email: 'dana@example.org', outlet: 'Lakeside Tribune', timeZone: 'America/New_York' } }),
    );
    const select = {
      id: true, manageTokenHash: true, reference: true, topic: true, format: true, language: true, attribution: true, deadline: true, durationMinutes: true,
      requestedStart: true, reporterName: true, reporterEmail: true, reporterOutlet: true, reporterTimeZone: true, reporterLocale: true, reporterPhone: true,
      reporterWhatsapp: true, statusReason: true, proposedSlots: true, proposalMessage: true, releaseId: true,
      spokesperson: { select: { id: true, name: true, email: true, timeZone: true } },
    } as const;
    await database.prisma.interviewRequest.update({ where: { id: created.requestId }, data: { proposedSlots: [{ start: '2027-03-11T09:00:00.000Z', end: '2027-03-11T09:30:00.000Z', by: 'desk' }] } });
    const viaPrisma = await database.prisma.interviewRequest.findUnique({ where: { id: created.requestId }, select });
    const viaSql = await readRequestForMail(database.prisma, created.requestId);
    expect(viaSql).toEqual(viaPrisma);
    expect(viaSql!.deadline).toBeInstanceOf(Date);
    expect(viaSql!.spokesperson).toEqual({ id: person.id, name: 'Hector Guerra', email: 'hector@example.org', timeZone: person.timeZone });

    await database.prisma.interviewRequest.update({ where: { id: created.requestId }, data: { spokespersonId: null } });
    expect(await readRequestForMail(database.prisma, created.requestId)).toEqual(await database.prisma.interviewRequest.findUnique({ where: { id: created.requestId }, select }));
    expect((await readRequestForMail(database.prisma, created.requestId))!.spokesperson).toBeNull();
    expect(await readRequestForMail(database.prisma, 'no-such-request')).toBeUndefined();
  });

  it('read an interview with its spokesperson exactly as the Prisma read does', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Ines Moreau', email: 'ines@example.org' });
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-11T10:00:00Z'));
    const desk = await deskCaller(database);
    await desk.caller.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/ä' } });
    const interview = await database.prisma.interview.findUniqueOrThrow({
      where: { requestId: created.requestId },
      select: { id: true, requestId: true, inviteUid: true, inviteSequence: true, status: true, startsAt: true, endsAt: true, format: true, formatDetails: true, spokesperson: { select: { name: true, email: true, timeZone: true } } },
    });
    const { id, ...viaPrisma } = interview;
    expect(await readInterviewForMail(database.prisma, id)).toEqual(viaPrisma);
    expect(viaPrisma.formatDetails).toEqual({ videoUrl: 'https://meet.example.org/ä' });
    expect(await readInterviewForMail(database.prisma, 'no-such-interview')).toBeUndefined();
  });

  it("read the office's name, zone and chosen press contact, with the defaults before the office has a profile", async () => {
    await database.prisma.setting.deleteMany({ where: { key: 'office' } });
    await database.prisma.pressContact.deleteMany({});
    expect(await readOfficeIdentity(database.prisma)).toEqual({ name: 'Press office', description: '', website: null, timeZone: 'UTC', pressContactId: null });
    expect(await readOfficePressContact(database.prisma, null)).toBeUndefined();

    await database.prisma.setting.create({ data: { key: 'office', value: { name: 'Coalition Genève', timeZone: 'Europe/Zurich', pressContactId: 'chosen-id', other: true } } });
    expect(await readOfficeIdentity(database.prisma)).toEqual({ name: 'Coalition Genève', description: '', website: null, timeZone: 'Europe/Zurich', pressContactId: 'chosen-id' });
  });

  it("name the office's chosen press contact, else (none chosen, or deleted) its first", async () => {
    await database.prisma.pressContact.deleteMany({});
    const visibility = { email: 'public', phone: 'confirmed', whatsapp: 'internal' };
    const chosen = await database.prisma.pressContact.create({ data: { name: 'Chosen', title: 'Officer', email: 'chosen@example.org', phone: '+41225550101', whatsapp: '+41795550102', visibility, createdAt: new Date('2026-02-01T00:00:00Z') } });
    const first = await database.prisma.pressContact.create({ data: { name: 'First', title: 'Head', email: 'first@example.org', phone: '+41221234567', whatsapp: '+41791234567', visibility, createdAt: new Date('2026-01-01T00:00:00Z') } });
    expect(await readOfficePressContact(database.prisma, null)).toEqual({ id: first.id, name: 'First', email: 'first@example.org', phone: '+41221234567', whatsapp: '+41791234567', visibility });
    expect((await readOfficePressContact(database.prisma, chosen.id))?.name).toBe('Chosen');
    expect((await readOfficePressContact(database.prisma, 'deleted-contact'))?.name).toBe('First');

    // The reporter's confirmation names the contact the office profile shows on the reporter pages.
    await database.prisma.setting.upsert({ where: { key: 'office' }, create: { key: 'office', value: { name: 'Coalition', timeZone: 'Europe/Zurich', pressContactId: chosen.id } }, update: { value: { name: 'Coalition', timeZone: 'Europe/Zurich', pressContactId: chosen.id } } });
    const person = await makeBookableSpokesperson(database, { name: 'Lea Roux', email: 'lea@example.org' });
    const created = await (await publicCaller(database)).requests.create(requestInput(person.id, '2027-03-12T09:00:00Z'));
    const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { requestId: created.requestId, kind: 'request_received' } });
    const config = { publicUrl: 'https://desk.example.org', mailFrom: 'press@example.org' };
    const rendered = await renderOutboxMessage(database.prisma, row, config);
    expect(rendered.text).toContain('chosen@example.org');
    expect(rendered.text).not.toContain('first@example.org');
    // A requester sees the contact's public channels only: the phone is for confirmed interviews.
    expect(rendered.text).not.toContain('+41225550101');
    expect(rendered.text).not.toContain('+41795550102');

    // The confirmed interview's invite shows the phone ("confirmed"), never the internal WhatsApp.
    const desk = await deskCaller(database);
    await desk.caller.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/x' } });
    const invite = await database.prisma.outboxMessage.findFirstOrThrow({ where: { requestId: created.requestId, kind: 'invite', recipient: row.recipient } });
    const inviteText = String((await renderOutboxMessage(database.prisma, invite, config)).text);
    expect(inviteText).toContain('chosen@example.org');
    expect(inviteText).toContain('+41225550101');
    expect(inviteText).not.toContain('+41795550102');

    // An email address marked internal is replaced by the office's sending address.
    await database.prisma.pressContact.update({ where: { id: chosen.id }, data: { visibility: { email: 'internal', phone: 'internal', whatsapp: 'internal' } } });
    const hidden = String((await renderOutboxMessage(database.prisma, row, config)).text);
    expect(hidden).not.toContain('chosen@example.org');
    expect(hidden).toContain('press@example.org');
  });

  it('claim only due, unclaimed (or lease-expired) email rows, oldest due first, at most the limit, typed as Prisma reads them', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    // Written latest-due first, so insertion order is not the order asked for.
    const dueNow = await database.prisma.outboxMessage.create({ data: message({ nextAttemptAt: NOW }) });
    const leaseEnded = await database.prisma.outboxMessage.create({ data: message({ nextAttemptAt: new Date(NOW.getTime() - 2 * MINUTE), lockedBy: 'old', lockedUntil: new Date(NOW.getTime() - 1) }) });
    const oldest = await database.prisma.outboxMessage.create({ data: message({ nextAttemptAt: new Date(NOW.getTime() - 3 * MINUTE) }) });
    const notDue = await database.prisma.outboxMessage.create({ data: message({ nextAttemptAt: new Date(NOW.getTime() + 1) }) });
    const held = await database.prisma.outboxMessage.create({ data: message({ lockedBy: 'other', lockedUntil: new Date(NOW.getTime() + MINUTE) }) });
    // A lease that ends exactly now still holds.
    const heldUntilNow = await database.prisma.outboxMessage.create({ data: message({ lockedBy: 'other', lockedUntil: NOW }) });
    const sent = await database.prisma.outboxMessage.create({ data: message({ status: 'sent' }) });
    const webhook = await database.prisma.outboxMessage.create({ data: message({ channel: 'http', kind: 'webhook' }) });

    const leaseUntil = new Date(NOW.getTime() + 2 * MINUTE);
    const first = await claimDueEmails(database, { token: 'claim-1', now: NOW, leaseUntil, limit: 2 });
    expect(first.map((row) => row.id).sort()).toEqual([oldest.id, leaseEnded.id].sort());
    const [claimedRow] = first.filter((row) => row.id === oldest.id);
    expect(claimedRow).toEqual({ ...oldest, lockedBy: 'claim-1', lockedUntil: leaseUntil });
    expect(claimedRow!.payload).toEqual({ reason: 'ä ✓', nested: { n: 1 } });

    const second = await claimDueEmails(database, { token: 'claim-2', now: NOW, leaseUntil, limit: 10 });
    expect(second.map((row) => row.id)).toEqual([dueNow.id]);
    expect(await claimDueEmails(database, { token: 'claim-3', now: NOW, leaseUntil, limit: 10 })).toEqual([]);
    for (const untouched of [notDue, held, heldUntilNow, sent, webhook]) {
      expect(await database.prisma.outboxMessage.findUnique({ where: { id: untouched.id } })).toEqual(untouched);
    }
  });

  it('claims made at the same moment never share a row, and together take every due row once', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    for (let index = 0; index < 40; index++) {
      await database.prisma.outboxMessage.create({ data: message({ nextAttemptAt: new Date(NOW.getTime() - (index + 1) * 1_000) }) });
    }
    const leaseUntil = new Date(NOW.getTime() + 2 * MINUTE);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, index) => claimDueEmails(database, { token: `racer-${index}`, now: NOW, leaseUntil, limit: 4 })));
    const ids = claims.flat().map((row) => row.id);
    expect(claims.every((rows) => rows.length <= 4)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(32);
    // Each row is held by the claim that returned it.
    for (const [index, rows] of claims.entries()) {
      for (const row of rows) expect((await database.prisma.outboxMessage.findUnique({ where: { id: row.id } }))!.lockedBy).toBe(`racer-${index}`);
    }
  });

  it('record "sent" only under the claim that holds the row, keeping the queued subject when the sent one is empty', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    const row = await database.prisma.outboxMessage.create({ data: message({ lockedBy: 'holder', lockedUntil: new Date(NOW.getTime() + MINUTE), lastError: 'earlier failure', attempts: 2 }) });
    const at = new Date(NOW.getTime() + 5_000);
    expect(await recordEmailSent(database.prisma, { id: row.id, lockedBy: 'someone-else' }, { at, attempts: 3, subject: 'Other' })).toBe(0);
    expect(await database.prisma.outboxMessage.findUnique({ where: { id: row.id } })).toEqual(row);

    expect(await recordEmailSent(database.prisma, { id: row.id, lockedBy: 'holder' }, { at, attempts: 3, subject: '' })).toBe(1);
    expect(await database.prisma.outboxMessage.findUnique({ where: { id: row.id } })).toEqual({ ...row, status: 'sent', sentAt: at, lastAttemptAt: at, attempts: 3, lockedBy: null, lockedUntil: null, lastError: null });
    // Written once: the fence no longer matches.
    expect(await recordEmailSent(database.prisma, { id: row.id, lockedBy: 'holder' }, { at, attempts: 4, subject: 'Again' })).toBe(0);

    // A row no longer pending (a dead letter) is not marked sent, whoever holds it.
    const dead = await database.prisma.outboxMessage.create({ data: message({ status: 'dead', lockedBy: 'holder', lockedUntil: new Date(NOW.getTime() + MINUTE) }) });
    expect(await recordEmailSent(database.prisma, { id: dead.id, lockedBy: 'holder' }, { at, attempts: 1, subject: 'Dead' })).toBe(0);
    expect(await database.prisma.outboxMessage.findUnique({ where: { id: dead.id } })).toEqual(dead);

    const other = await database.prisma.outboxMessage.create({ data: message({ lockedBy: 'holder', lockedUntil: new Date(NOW.getTime() + MINUTE) }) });
    expect(await recordEmailSent(database.prisma, { id: other.id, lockedBy: 'holder' }, { at, attempts: 1, subject: 'Rendered subject' })).toBe(1);
    expect((await database.prisma.outboxMessage.findUnique({ where: { id: other.id } }))!.subject).toBe('Rendered subject');
  });
});
