// What the console's media list relies on from the server: merges that take
// each field from the record the press officer chose, an erased card that says
// it was erased, and field errors the form can put next to their fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, fieldErrorsOf, makeBookableSpokesperson, publicCaller, requestInput } from '../support/workflow';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;

beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
});
afterAll(() => database.destroy());

async function fails(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

async function pairAt(tag: string) {
  const tribune = await desk.caller.outlets.create({ name: `Tribune ${tag}`, kind: 'print' });
  const wire = await desk.caller.outlets.create({ name: `Wire ${tag}`, kind: 'wire' });
  const survivor = await desk.caller.contacts.create({
    name: 'Ana Lima', emails: [`ana.${tag}@example.org`], phones: [{ number: '+55 11 91234 5678', kind: 'cell' }], outletId: tribune.id, role: 'Defence',
    languages: ['pt'], timeZone: 'America/Sao_Paulo', country: 'BR', preferredChannel: 'email', notes: 'Met at the Geneva launch', tags: ['arms'],
    source: 'Business card', lawfulBasis: 'legitimate_interest',
  });
  const duplicate = await desk.caller.contacts.create({
    name: 'Ana Paula Lima', emails: [`apl.${tag}@example.org`], phones: [{ number: '+55 11 91234 5678', kind: 'cell' }, { number: '+41 78 000 00 31', kind: 'work' }],
    whatsapp: '+41 78 000 00 31', outletId: wire.id, role: 'Geneva correspondent', languages: ['en'], timeZone: 'Europe/Zurich', country: 'CH',
    preferredChannel: 'whatsapp', notes: 'Prefers mornings', tags: ['un'], source: 'Signed up at the event', lawfulBasis: 'consent', doNotContact: true,
  });
  return { tribune, wire, survivor, duplicate };
}

describe('contacts.merge with per-field choices', () => {
  it('takes each chosen field from the chosen record, combines the lists and keeps the survivor’s primary address', async () => {
    const { tribune, wire, survivor, duplicate } = await pairAt('choose');
    const merged = await desk.caller.contacts.merge({
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      fields: { name: 'duplicate', outlet: 'duplicate', role: 'survivor', timeZone: 'duplicate', country: 'survivor', whatsapp: 'duplicate', preferredChannel: 'duplicate', lawfulBasis: 'duplicate', notes: 'duplicate' },
    });
    expect(merged).toMatchObject({
      id: survivor.id,
      name: 'Ana Paula Lima',
      outlet: { id: wire.id },
      role: 'Defence',
      timeZone: 'Europe/Zurich',
      country: 'BR',
      whatsapp: '+41780000031',
      preferredChannel: 'whatsapp',
      lawfulBasis: 'consent',
      source: 'Signed up at the event',
      notes: 'Prefers mornings',
      // "Do not contact" on either record stays on.
      doNotContact: true,
    });
    expect(merged.emails).toEqual([`ana.choose@example.org`, `apl.choose@example.org`]);
    expect(merged.phones.map((phone) => phone.e164)).toEqual(['+5511912345678', '+41780000031']);
    expect(merged.languages).toEqual(['pt', 'en']);
    expect(merged.tags).toEqual(['arms', 'un']);
    // The chosen outlet is the current affiliation; the survivor's old one is history.
    const detail = await desk.caller.contacts.get({ id: survivor.id });
    expect(detail.contact.outlet?.id).toBe(wire.id);
    expect(detail.affiliations.map((affiliation) => [affiliation.outlet.name, affiliation.endedAt === null])).toEqual([
      [wire.name, true],
      [tribune.name, false],
    ]);
    // Found by the chosen name, not by the one left behind.
    expect((await desk.caller.contacts.list({ query: 'ana paula' })).contacts.map((contact) => contact.id)).toEqual([survivor.id]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'contact.merge', entityId: survivor.id } });
    expect(audit.after).toMatchObject({ duplicateId: duplicate.id, survivor: { name: 'Ana Paula Lima' } });
  });

  it('without choices keeps the survivor’s values, fills its gaps from the duplicate and joins the notes', async () => {
    const { tribune, survivor, duplicate } = await pairAt('default');
    const merged = await desk.caller.contacts.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(merged).toMatchObject({
      name: 'Ana Lima', outlet: { id: tribune.id }, role: 'Defence', timeZone: 'America/Sao_Paulo', whatsapp: '+41780000031', preferredChannel: 'email',
      lawfulBasis: 'legitimate_interest', source: 'Business card', notes: 'Met at the Geneva launch\n\nPrefers mornings',
    });
  });

  it('refuses a choice that is not survivor or duplicate, and fields it does not know, naming the field', async () => {
    const { survivor, duplicate } = await pairAt('refuse');
    const both = await fails(desk.caller.contacts.merge({ survivorId: survivor.id, duplicateId: duplicate.id, fields: { name: 'both' as 'survivor' } }));
    expect(appCodeOf(both)).toBe('VALIDATION_FAILED');
    expect(fieldErrorsOf(both)['fields.name']).toEqual(['Choose survivor or duplicate']);
    const unknown = await fails(desk.caller.contacts.merge({ survivorId: survivor.id, duplicateId: duplicate.id, fields: { emails: 'duplicate' } as never }));
    expect(appCodeOf(unknown)).toBe('VALIDATION_FAILED');
    // Nothing was merged.
    expect(await database.prisma.mediaContact.count({ where: { id: { in: [survivor.id, duplicate.id] }, mergedIntoId: null } })).toBe(2);
  });
});

describe('contacts.get after an erasure', () => {
  it('answers NOT_FOUND saying the contact was erased, when, and what the erasure kept', async () => {
    const person = await makeBookableSpokesperson(database);
    const reporter = await publicCaller(database);
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-12T09:00:00Z', { reporter: { name: 'Eda Gone', email: 'eda.gone@example.org', outlet: 'Wire', timeZone: 'Europe/Istanbul' } }));
    const request = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: created.reference } });
    const contactId = request.mediaContactId!;
    await desk.caller.contacts.erase({ id: contactId });
    const error = await fails(desk.caller.contacts.get({ id: contactId }));
    expect(appCodeOf(error)).toBe('NOT_FOUND');
    expect(error.message).toBe('This contact was erased.');
    const details = (error.cause as { details?: Record<string, unknown> }).details;
    expect(details).toMatchObject({ erased: true, erasedAt: expect.stringMatching(/^2027-03-01T08:00:00/), summary: { contactsDeleted: 1, requestsAnonymised: 1 } });
    // The erasure's record holds counts only: nothing that names the person.
    expect(JSON.stringify(details)).not.toMatch(/Eda|eda\.gone/);
    // An id that never existed stays "No such contact".
    const never = await fails(desk.caller.contacts.get({ id: 'never-existed' }));
    expect(never.message).toBe('No such contact.');
  });
});

describe('field errors the contact form shows inline', () => {
  it('names the phone, email and outlet fields that were refused', async () => {
    const phone = await fails(desk.caller.contacts.create({ name: 'Pat Field', phones: [{ number: '+41 78 000 00 00', kind: 'cell' }, { number: '12', kind: 'cell' }] }));
    expect(Object.keys(fieldErrorsOf(phone))).toEqual(['phones.1.number']);
    const email = await fails(desk.caller.contacts.create({ name: 'Pat Field', emails: ['not-an-address'] }));
    expect(Object.keys(fieldErrorsOf(email))).toEqual(['emails.0']);
    await desk.caller.contacts.create({ name: 'Pat Field', emails: ['pat.field@example.org'] });
    const taken = await fails(desk.caller.contacts.create({ name: 'Pat Other', emails: ['Pat.Field@example.org'] }));
    expect(appCodeOf(taken)).toBe('CONFLICT');
    expect((taken.cause as { details?: unknown }).details).toEqual({ field: 'emails' });
    const outlet = await fails(desk.caller.contacts.create({ name: 'Pat Field', outletId: 'no-such-outlet' }));
    expect((outlet.cause as { details?: unknown }).details).toEqual({ field: 'outletId' });
  });
});
