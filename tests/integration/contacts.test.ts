// The media list through tRPC on a real database: contacts and outlets,
// search, import/export, merge, erasure and the audit trail of list reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, WORKFLOW_NOW } from '../support/workflow';
import { toCsv } from '../../server/contacts/csv';
import { parseVCards } from '../../server/contacts/vcard';
import { IMPORT_BATCH_SIZE } from '../../server/contacts/save-imported-contacts';

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

let unique = 0;
function tagged(prefix: string) {
  unique += 1;
  return `${prefix}${unique}x${Math.random().toString(36).slice(2, 8)}`;
}

describe('contacts.create, update and archive', () => {
  it('stores phones as E.164 with the national form, and records outlets over time', async () => {
    const tribune = await desk.caller.outlets.create({ name: 'Lakeside Tribune', kind: 'print', country: 'ch', language: 'fr' });
    const wire = await desk.caller.outlets.create({ name: 'Example Wire', kind: 'wire' });
    const created = await desk.caller.contacts.create({
      name: 'Camille Dufour',
      emails: ['Camille.Dufour@Example.org', 'camille@home.example.org'],
      phones: [{ number: '+41 (0) 78-000-0000', kind: 'cell' }, { number: '+41 22 000 00 00', kind: 'work' }],
      outletId: tribune.id,
      role: 'Defence correspondent',
      languages: ['fr', 'EN-gb'],
      country: 'ch',
      timeZone: 'Europe/Zurich',
      tags: ['arms control'],
    });
    expect(created).toMatchObject({
      emails: ['camille.dufour@example.org', 'camille@home.example.org'],
      phones: [
        { e164: '+41780000000', national: '078 000 00 00', kind: 'cell' },
        { e164: '+41220000000', national: '022 000 00 00', kind: 'work' },
      ],
      languages: ['fr', 'en-GB'],
      country: 'CH',
      outlet: { id: tribune.id, name: 'Lakeside Tribune' },
      lawfulBasis: 'legitimate_interest',
    });
    const error = await fails(desk.caller.contacts.create({ name: 'Someone', phones: [{ number: '078 000 00 00', kind: 'cell' }] }));
    expect(appCodeOf(error)).toBe('VALIDATION_FAILED');
    const duplicate = await fails(desk.caller.contacts.create({ name: 'Camille D.', emails: ['CAMILLE.DUFOUR@example.org'] }));
    expect(appCodeOf(duplicate)).toBe('CONFLICT');

    await desk.caller.contacts.update({ id: created.id, outletId: wire.id, role: 'Geneva correspondent' });
    const detail = await desk.caller.contacts.get({ id: created.id });
    expect(detail.contact).toMatchObject({ outlet: { name: 'Example Wire' }, role: 'Geneva correspondent', phones: created.phones });
    expect(detail.affiliations.map((affiliation) => [affiliation.outlet.name, affiliation.endedAt === null])).toEqual([
      ['Example Wire', true],
      ['Lakeside Tribune', false],
    ]);

    await desk.caller.contacts.archive({ id: created.id });
    expect((await desk.caller.contacts.list({ query: 'camille dufour' })).contacts).toEqual([]);
    expect((await desk.caller.contacts.list({ query: 'camille dufour', includeArchived: true })).contacts.map((contact) => contact.id)).toEqual([created.id]);
  });

  it('is for press officers only', async () => {
    const spokesperson = await deskCaller(database, 'spokesperson');
    expect(appCodeOf(await fails(spokesperson.caller.contacts.list({})))).toBe('FORBIDDEN');
    const anonymous = await publicCaller(database);
    expect(appCodeOf(await fails(anonymous.contacts.list({})))).toBe('UNAUTHENTICATED');
  });
});

describe('contacts.list', () => {
  it('finds by accent-free, case-free word prefixes and filters by outlet, language, beat, tag and country', async () => {
    const tag = tagged('search');
    const outlet = await desk.caller.outlets.create({ name: `Zeitung ${tag}`, kind: 'print', country: 'DE' });
    const other = await desk.caller.outlets.create({ name: `Gazette ${tag}`, kind: 'online' });
    const people = [
      { name: 'Zoë Müller-Łukasiewicz', outletId: outlet.id, languages: ['de', 'pl'], role: 'Foreign desk', country: 'DE' },
      { name: 'Jürgen Muller', outletId: other.id, languages: ['en-GB'], role: 'Defence', country: 'GB' },
      { name: 'MÜLLER, Anna', outletId: outlet.id, languages: ['fr'], role: 'Science', country: 'FR' },
      { name: 'Mulroney Smith', outletId: other.id, languages: ['en'], role: 'Defence', country: 'US' },
    ];
    const ids: Record<string, string> = {};
    for (const person of people) ids[person.name] = (await desk.caller.contacts.create({ ...person, tags: [tag] })).id;
    const names = async (input: Record<string, unknown>) => (await desk.caller.contacts.list({ tag, ...input })).contacts.map((contact) => contact.name);

    // Sorted here: the order of "MÜLLER" and "Mulroney" is the database's collation (bytes on SQLite, the locale on PostgreSQL).
    expect((await names({ query: 'muller' })).sort()).toEqual(['Jürgen Muller', 'MÜLLER, Anna', 'Zoë Müller-Łukasiewicz'].sort());
    expect((await names({ query: 'MÜL' })).sort()).toEqual(['Jürgen Muller', 'MÜLLER, Anna', 'Mulroney Smith', 'Zoë Müller-Łukasiewicz'].sort());
    expect(await names({ query: 'lukas' })).toEqual(['Zoë Müller-Łukasiewicz']);
    expect(await names({ query: 'zoe mul' })).toEqual(['Zoë Müller-Łukasiewicz']);
    expect(await names({ query: 'uller' })).toEqual([]); // prefixes, not substrings
    expect((await names({ query: 'zeitung' })).sort()).toEqual(['MÜLLER, Anna', 'Zoë Müller-Łukasiewicz']); // outlet name
    expect((await names({ outletId: outlet.id })).sort()).toEqual(['MÜLLER, Anna', 'Zoë Müller-Łukasiewicz']);
    expect(await names({ language: 'en' })).toEqual(['Jürgen Muller', 'Mulroney Smith']); // en finds en-GB
    expect(await names({ language: 'en-GB' })).toEqual(['Jürgen Muller']);
    expect(await names({ role: 'defe' })).toEqual(['Jürgen Muller', 'Mulroney Smith']);
    expect(await names({ country: 'de' })).toEqual(['Zoë Müller-Łukasiewicz']);
    expect(await names({ query: 'muller', language: 'pl' })).toEqual(['Zoë Müller-Łukasiewicz']);
  });

  it('pages by name then id without skipping or repeating rows while contacts are added and removed', async () => {
    const tag = tagged('page');
    const created: string[] = [];
    for (let index = 0; index < 25; index++) {
      // Repeated names: the id breaks the tie.
      created.push((await desk.caller.contacts.create({ name: `Page Person ${String(index % 10).padStart(2, '0')}`, tags: [tag] })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await desk.caller.contacts.list({ tag, limit: 7, cursor });
      seen.push(...page.contacts.map((contact) => contact.id));
      cursor = page.nextCursor ?? undefined;
      if (pages === 1) {
        // A contact sorted before the cursor appears on no page; one after it does; an archived one disappears.
        await desk.caller.contacts.create({ name: 'Page Person 00 early', tags: [tag] });
        created.push((await desk.caller.contacts.create({ name: 'Page Person 99 late', tags: [tag] })).id);
      }
      pages += 1;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(created));
    const all = (await desk.caller.contacts.list({ tag, limit: 200 })).contacts;
    expect(all.map((contact) => contact.name)).toEqual([...all.map((contact) => contact.name)].sort());
    expect(appCodeOf(await fails(desk.caller.contacts.list({ cursor: 'not-a-cursor' })))).toBe('VALIDATION_FAILED');
  });

  it('writes an audit event for every list read and export, not for a name lookup', async () => {
    const before = await database.prisma.auditEvent.count({ where: { action: { in: ['contact.list', 'contact.export'] } } });
    await desk.caller.contacts.list({});
    await desk.caller.contacts.list({ country: 'CH' });
    await desk.caller.contacts.list({ query: 'camille' });
    await desk.caller.contacts.exportCsv({});
    await desk.caller.contacts.exportVCard({ query: 'muller' });
    const events = await database.prisma.auditEvent.findMany({ where: { action: { in: ['contact.list', 'contact.export'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: before });
    expect(events.map((event) => event.action)).toEqual(['contact.list', 'contact.list', 'contact.export', 'contact.export']);
    expect(events.every((event) => event.actorType === 'user' && event.actorId === desk.user.id)).toBe(true);
    expect(events[3]!.after).toMatchObject({ format: 'vcard', filters: { query: 'muller' } });
  });
});

describe('contacts.importCsv', () => {
  const header = ['Full name', 'E-mail', 'Mobile', 'Media', 'Beat', 'Languages', 'Country', 'Time zone', 'Tags'];
  const badKinds = [
    { field: 1, value: 'not-an-email', reason: /Email: "not-an-email" is not a valid email address/ },
    { field: 2, value: '12', reason: /Phone: .*\("12"\)/ },
    { field: 0, value: '', reason: /No name/ },
    { field: 7, value: 'CET', reason: /Time zone: "CET"/ },
    { field: 6, value: 'Switzerland', reason: /Country: use a two-letter code/ },
  ];
  function makeRows(tag: string) {
    return Array.from({ length: 5_000 }, (_, index) => {
      const row = [
        index % 7 === 0 ? `Zoë Müller ${tag} ${index}` : `Journalist ${tag} ${index}`,
        `journalist.${index}.${tag}@example.org`,
        `+41 78 ${String(index).padStart(3, '0').slice(-3)} ${String(index).padStart(4, '0').slice(-4, -2)} ${String(index).padStart(2, '0').slice(-2)}`,
        `Outlet ${tag} ${index % 10}`,
        index % 2 ? 'Defence' : 'Climate',
        index % 3 ? 'en; fr' : 'de',
        'CH',
        'Europe/Zurich',
        `${tag}, imported`,
      ];
      if (index % 100 === 50) {
        const bad = badKinds[(index / 100 | 0) % badKinds.length]!;
        row[bad.field] = bad.value;
      }
      return row;
    });
  }

  it('imports 5,000 rows, reports the 50 bad ones by line with reasons, is idempotent and never brings back an erased person', async () => {
    const tag = tagged('imp');
    const rows = makeRows(tag);
    const csv = toCsv(header, rows);

    const preview = await desk.caller.contacts.previewCsv({ csv });
    expect(preview.mapping).toEqual({ 'Full name': 'name', 'E-mail': 'email', Mobile: 'phone', Media: 'outlet', Beat: 'role', Languages: 'languages', Country: 'country', 'Time zone': 'timeZone', Tags: 'tags' });
    expect(preview.rowCount).toBe(5_000);

    const dry = await desk.caller.contacts.importCsv({ csv, dryRun: true });
    expect(dry.counts).toMatchObject({ created: 4_950, skipped: 50 });
    expect(await database.prisma.mediaContact.count({ where: { facets: { contains: `tag:${tag.toLowerCase()} ` } } })).toBe(0);

    const started = performance.now();
    const report = await desk.caller.contacts.importCsv({ csv });
    const elapsed = performance.now() - started;
    expect(report.counts).toEqual({ created: 4_950, updated: 0, unchanged: 0, skipped: 50, failed: 0 });
    expect(report.batchSize).toBe(IMPORT_BATCH_SIZE);
    const skipped = report.rows.filter((row) => row.status === 'skipped');
    expect(skipped.map((row) => row.line)).toEqual(rows.flatMap((_, index) => (index % 100 === 50 ? [index + 2] : [])));
    for (const row of skipped) {
      const bad = badKinds[((row.line - 2) / 100 | 0) % badKinds.length]!;
      expect(row.reasons?.join(' '), `line ${row.line}`).toMatch(bad.reason);
    }
    expect(await database.prisma.mediaContact.count({ where: { facets: { contains: `tag:${tag.toLowerCase()} ` } } })).toBe(4_950);
    const sample = await desk.caller.contacts.list({ query: `journalist.1.${tag}` });
    expect(sample.contacts[0]).toMatchObject({ phones: [{ e164: '+41780010001', national: '078 001 00 01' }], languages: ['en', 'fr'], outlet: { name: `Outlet ${tag} 1` }, role: 'Defence', createdAt: WORKFLOW_NOW.toISOString(), lawfulBasisAt: WORKFLOW_NOW.toISOString(), doNotContact: false, archivedAt: null });
    expect((await desk.caller.contacts.get({ id: sample.contacts[0]!.id })).affiliations).toEqual([{ outlet: { id: sample.contacts[0]!.outlet!.id, name: `Outlet ${tag} 1` }, role: 'Defence', startedAt: WORKFLOW_NOW.toISOString(), endedAt: null }]);
    // Bulk-inserted rows compare like any other in SQL (dates stored in Prisma's own format).
    expect(await database.prisma.mediaContact.count({ where: { facets: { contains: `tag:${tag.toLowerCase()} ` }, createdAt: { gte: WORKFLOW_NOW, lte: WORKFLOW_NOW } } })).toBe(4_950);
    // About 4 s on SQLite and 5 s on PostgreSQL on the 2-core dev machine; the 10 s target is
    // measured by bench/contacts.ts. The bound here only catches a gross regression on a busy host.
    expect(elapsed, `import took ${Math.round(elapsed)} ms`).toBeLessThan(30_000);

    const again = await desk.caller.contacts.importCsv({ csv });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4_950, skipped: 50, failed: 0 });

    // Erase one imported person; importing the file again skips them.
    const erasedRow = report.rows.find((row) => row.line === 4)!;
    await desk.caller.contacts.erase({ id: erasedRow.contactId! });
    const third = await desk.caller.contacts.importCsv({ csv });
    expect(third.counts).toEqual({ created: 0, updated: 0, unchanged: 4_949, skipped: 51, failed: 0 });
    expect(third.rows.find((row) => row.line === 4)).toEqual({ line: 4, status: 'skipped', reasons: ['This person asked to be erased; their opt-out stands'] });
    expect(await database.prisma.mediaContact.count({ where: { emailNormalized: `journalist.2.${tag}@example.org`.toLowerCase() } })).toBe(0);
  }, 60_000);

  it('updates a known contact from a changed row and adds what is new', async () => {
    const tag = tagged('upd');
    const first = await desk.caller.contacts.importCsv({ csv: toCsv(['Name', 'Email', 'Tags'], [[`Ana ${tag}`, `ana.${tag}@example.org`, 'a']]) });
    const second = await desk.caller.contacts.importCsv({ csv: toCsv(['Name', 'Email', 'Phone', 'Tags'], [[`Ana ${tag}`, `ANA.${tag}@example.org`, '+1 202 555 0104', 'b']]) });
    expect(second.rows).toEqual([{ line: 2, status: 'updated', contactId: first.rows[0]!.contactId }]);
    const { contact } = await desk.caller.contacts.get({ id: first.rows[0]!.contactId! });
    expect(contact).toMatchObject({ tags: ['a', 'b'], phones: [{ e164: '+12025550104' }] });
  });
});

describe('vCard', () => {
  it('round-trips a contact with a non-ASCII name and several phones through exportVCard and importVCard', async () => {
    const outlet = await desk.caller.outlets.create({ name: 'Радио Свобода', kind: 'radio' });
    const original = await desk.caller.contacts.create({
      name: 'Łucja Żółkiewska-Nguyễn',
      emails: ['lucja@example.org', 'l.z@example.org'],
      phones: [{ number: '+48 600 000 000', kind: 'cell' }, { number: '+41 22 000 00 00', kind: 'work' }],
      whatsapp: '+48 600 000 000',
      outletId: outlet.id,
      role: 'Корреспондент',
      languages: ['pl', 'ru', 'vi'],
      country: 'PL',
      timeZone: 'Europe/Warsaw',
      notes: 'Line one;\nline two, with commas',
      tags: ['east', 'radio'],
    });
    const exported = await desk.caller.contacts.exportVCard({ ids: [original.id] });
    expect(exported).toMatchObject({ count: 1, filename: 'Łucja-Żółkiewska-Nguyễn.vcf' });
    expect(parseVCards(exported.vcf).contacts).toHaveLength(1);
    // Remove the contact, then bring it back from its card.
    await database.prisma.contactAffiliation.deleteMany({ where: { contactId: original.id } });
    await database.prisma.mediaContact.delete({ where: { id: original.id } });
    const report = await desk.caller.contacts.importVCard({ vcf: exported.vcf });
    expect(report.counts).toMatchObject({ created: 1 });
    const { contact } = await desk.caller.contacts.get({ id: report.rows[0]!.contactId! });
    const comparable = ({ id: _id, createdAt: _c, updatedAt: _u, lawfulBasisAt: _l, source: _s, ...rest }: typeof original) => rest;
    expect(comparable(contact)).toEqual(comparable(original));
    // Importing the same card again changes nothing.
    expect((await desk.caller.contacts.importVCard({ vcf: exported.vcf })).counts).toMatchObject({ unchanged: 1 });
  });

  it('reports a bad card by position and imports the others', async () => {
    const vcf = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Good Card', 'EMAIL:good.card@example.org', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:4.0', 'FN:Bad Card', 'TEL:12', 'END:VCARD', ''].join('\r\n');
    const report = await desk.caller.contacts.importVCard({ vcf });
    expect(report.rows.map((row) => row.status)).toEqual(['created', 'skipped']);
    expect(report.rows[1]!.reasons?.[0]).toMatch(/^Bad Card: /);
  });
});

describe('merge and duplicates', () => {
  it('flags likely duplicates, and a merge keeps the history on the survivor', async () => {
    const person = await makeBookableSpokesperson(database);
    const reporter = await publicCaller(database);
    const outlet = await desk.caller.outlets.create({ name: 'Merge Times', kind: 'print' });
    const survivor = await desk.caller.contacts.create({ name: 'Dana Reporter', emails: ['dana.merge@example.org'], outletId: outlet.id, phones: [{ number: '+1 202 555 0111', kind: 'cell' }] });
    const request = await reporter.requests.create(requestInput(person.id, '2027-03-10T09:00:00Z', { reporter: { name: 'Dána Reporter', email: 'dana.other@example.org', outlet: 'Merge Times', timeZone: 'America/New_York' } }));
    const requestRow = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: request.reference } });
    const duplicateId = requestRow.mediaContactId!;
    await desk.caller.contacts.update({ id: duplicateId, outletId: outlet.id, phones: [{ number: '+1 202 555 0111', kind: 'cell' }] });

    const groups = await desk.caller.contacts.duplicates({ contactId: survivor.id });
    expect(groups.map((group) => [group.reason, group.contacts.map((contact) => contact.id).sort()])).toEqual([
      ['same_phone', [survivor.id, duplicateId].sort()],
      ['same_name_at_outlet', [survivor.id, duplicateId].sort()],
    ]);
    expect((await desk.caller.contacts.get({ id: survivor.id })).likelyDuplicates.map((entry) => entry.contact.id)).toEqual([duplicateId, duplicateId]);
    // Flagged, never merged silently.
    expect(await database.prisma.mediaContact.count({ where: { id: { in: [survivor.id, duplicateId] }, mergedIntoId: null } })).toBe(2);

    const merged = await desk.caller.contacts.merge({ survivorId: survivor.id, duplicateId });
    expect(merged.emails).toEqual(['dana.merge@example.org', 'dana.other@example.org']);
    const detail = await desk.caller.contacts.get({ id: survivor.id });
    expect(detail.timeline.map((entry) => [entry.kind, entry.requestId])).toEqual([['request', requestRow.id]]);
    expect(detail.mergedRecords.map((record) => record.id)).toEqual([duplicateId]);
    expect(detail.lastContactAt).toBe(requestRow.createdAt.toISOString());
    const gone = await fails(desk.caller.contacts.get({ id: duplicateId }));
    expect(appCodeOf(gone)).toBe('NOT_FOUND');
    expect((await desk.caller.contacts.duplicates({})).flatMap((group) => group.contacts.map((contact) => contact.id))).not.toContain(duplicateId);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'contact.merge', entityId: survivor.id } });
    expect(audit.after).toMatchObject({ duplicateId, requestsMoved: 1 });

    // A new request from the merged address links to the survivor.
    const next = await reporter.requests.create(requestInput(person.id, '2027-03-10T10:00:00Z', { reporter: { name: 'Dana', email: 'dana.other@example.org', outlet: 'Merge Times', timeZone: 'America/New_York' } }));
    expect((await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: next.reference } })).mediaContactId).toBe(survivor.id);
    const after = await desk.caller.contacts.get({ id: survivor.id });
    expect(after.timeline.filter((entry) => entry.kind === 'request')).toHaveLength(2);
  });
});

describe('data protection', () => {
  it('erasure leaves no personal data in the contact, request, interview, outbox and audit tables, and the person is not re-created', async () => {
    const person = await makeBookableSpokesperson(database);
    const reporter = await publicCaller(database);
    const email = `erase.me.${tagged('e')}@example.org`;
    const phone = '+12025550177';
    const name = 'Erasmus Vanishing';
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-11T09:00:00Z', { format: 'phone', reporter: { name, email, outlet: 'Wire', timeZone: 'America/New_York', phone: '+1 (202) 555-0177' } }));
    const request = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: created.reference } });
    await desk.caller.desk.requests.approve({ requestId: request.id, formatDetails: { dialIn: `call ${name} on ${phone}` } });
    const contactId = request.mediaContactId!;
    await desk.caller.contacts.update({ id: contactId, notes: `Reach ${name} at ${email}` });

    const personal = await desk.caller.contacts.exportPersonalData({ id: contactId });
    const exportedText = JSON.stringify(personal);
    expect(exportedText).toContain(email);
    expect(exportedText).toContain(request.reference);
    expect(exportedText).not.toContain(request.manageTokenHash);

    const summary = await desk.caller.contacts.erase({ id: contactId });
    expect(summary).toMatchObject({ contactsDeleted: 1, requestsAnonymised: 1 });
    const dump = JSON.stringify({
      contacts: await database.prisma.mediaContact.findMany(),
      requests: await database.prisma.interviewRequest.findMany(),
      interviews: await database.prisma.interview.findMany(),
      outbox: await database.prisma.outboxMessage.findMany(),
      audit: await database.prisma.auditEvent.findMany(),
      rateLimits: await database.prisma.rateLimitEvent.findMany(),
    });
    const tables = {
      contacts: await database.prisma.mediaContact.findMany(),
      requests: await database.prisma.interviewRequest.findMany(),
      interviews: await database.prisma.interview.findMany(),
      outbox: await database.prisma.outboxMessage.findMany(),
      audit: await database.prisma.auditEvent.findMany(),
      rateLimits: await database.prisma.rateLimitEvent.findMany(),
    };
    for (const [table, rows] of Object.entries(tables)) {
      const text = JSON.stringify(rows);
      for (const value of [email, phone, name, '202 555 0177', '(202) 555-0177']) expect(text.includes(value), `${value} in ${table}`).toBe(false);
    }
    void dump;
    const kept = await database.prisma.interviewRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(kept).toMatchObject({ status: 'approved', reporterName: 'Erased contact', reporterPhone: null, mediaContactId: null });
    expect(await database.prisma.interview.count({ where: { requestId: request.id } })).toBe(1);

    // A new request from the same address is answered, but the contact is not re-created.
    const again = await reporter.requests.create(requestInput(person.id, '2027-03-11T11:00:00Z', { reporter: { name, email, outlet: 'Wire', timeZone: 'America/New_York' } }));
    expect((await database.prisma.interviewRequest.findUniqueOrThrow({ where: { reference: again.reference } })).mediaContactId).toBeNull();
    expect(await database.prisma.mediaContact.count({ where: { emailNormalized: email } })).toBe(0);
    expect(appCodeOf(await fails(desk.caller.contacts.create({ name, emails: [email] })))).toBe('CONFLICT');
    expect(appCodeOf(await fails(desk.caller.contacts.create({ name, phones: [{ number: phone, kind: 'cell' }] })))).toBe('CONFLICT');
  });

  it('lists contacts with no activity for N months for review, and audits the review', async () => {
    const tag = tagged('ret');
    const old = await desk.caller.contacts.create({ name: `Old Contact ${tag}`, tags: [tag] });
    await database.prisma.mediaContact.update({ where: { id: old.id }, data: { createdAt: new Date('2024-01-01T00:00:00Z') } });
    const review = await desk.caller.contacts.retentionReview({ months: 24 });
    expect(review.contacts.map((contact) => contact.id)).toContain(old.id);
    expect(review.contacts.find((contact) => contact.id === old.id)?.lastActivityAt).toBe('2024-01-01T00:00:00.000Z');
    expect(await database.prisma.auditEvent.count({ where: { action: 'contact.retention_review' } })).toBeGreaterThan(0);
  });
});
