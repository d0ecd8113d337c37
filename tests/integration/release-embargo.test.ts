// Releases under embargo: hidden from every public procedure until the
// instant, readable and bookable only through the secret preview link (with
// the terms accepted), public at the instant by itself; attachments over real
// HTTP with their limits; the Markdown body sanitised; every change audited.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { startTestHttpServer } from '../support/http-server';
import { appCodeOf, deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig } from '../support/workflow';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

// The workflow clock is 1 March 2027; the embargo lifts on 23 March 2027, 00:01 in Geneva.
const EMBARGO = '2027-03-22T23:01:00.000Z';
const at = (iso: string) => () => new Date(iso);

async function embargoedRelease(title: string) {
  const { caller: desk } = await deskCaller(database);
  const person = await makeBookableSpokesperson(database, { name: `Mary Wareham ${title}` });
  const release = await desk.releases.create({
    title,
    body: 'Under **embargo** until the launch.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))',
    publishedAt: '2027-02-28T08:00:00Z',
    embargoUntil: EMBARGO,
    embargoTerms: 'Not for publication before 23 November, 00:01 CET.',
    links: [{ label: 'Report', url: 'https://example.org/report' }],
    spokespersonIds: [person.id],
  });
  const link = await desk.releases.createPreviewLink({ id: release.id });
  return { desk, person, release, link };
}

describe('a release under embargo', () => {
  it('is hidden from releases.list and releases.get until the instant, and public from it without anyone acting', async () => {
    const { release } = await embargoedRelease('Monitor launch one');
    const before = await makeCaller(database, { now: at('2027-03-22T23:00:59.999Z'), config: workflowConfig(database) });
    expect((await before.releases.list()).map((entry) => entry.id)).not.toContain(release.id);
    expect(appCodeOf(await before.releases.get({ slug: release.slug }).catch((error: unknown) => error))).toBe('NOT_FOUND');
    const atInstant = await makeCaller(database, { now: at(EMBARGO), config: workflowConfig(database) });
    expect((await atInstant.releases.list()).map((entry) => entry.id)).toContain(release.id);
    const page = await atInstant.releases.get({ slug: release.slug });
    expect(page.status).toBe('published');
    expect(page.links).toEqual([{ label: 'Report', url: 'https://example.org/report' }]);
  });

  it('shows through its preview link with the terms; a replaced link or a draft’s link shows nothing', async () => {
    const { desk, release, link } = await embargoedRelease('Monitor launch two');
    const token = link.url.split('/preview/')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const stored = await database.prisma.release.findUnique({ where: { id: release.id }, select: { previewTokenHash: true } });
    expect(stored?.previewTokenHash).not.toContain(token);
    const reporter = await publicCaller(database);
    const preview = await reporter.releases.preview({ token });
    expect(preview).toMatchObject({ id: release.id, underEmbargo: true, status: 'embargoed', embargoUntil: EMBARGO, embargoTerms: 'Not for publication before 23 November, 00:01 CET.' });
    // The sanitiser ran on the way out: no script, no javascript: link.
    expect(preview.bodyHtml).toContain('<strong>embargo</strong>');
    expect(preview.bodyHtml).not.toMatch(/script|javascript|alert/i);

    await desk.releases.createPreviewLink({ id: release.id });
    expect(appCodeOf(await reporter.releases.preview({ token }).catch((error: unknown) => error))).toBe('NOT_FOUND');

    const draft = await desk.releases.create({ title: 'Draft with link', body: 'Not yet' });
    const draftLink = await desk.releases.createPreviewLink({ id: draft.id });
    expect(appCodeOf(await reporter.releases.preview({ token: draftLink.url.split('/preview/')[1]! }).catch((error: unknown) => error))).toBe('NOT_FOUND');
  });

  it('takes interview requests only through the preview link with the terms accepted, marked for the desk', async () => {
    const { desk, person, release, link } = await embargoedRelease('Monitor launch three');
    const token = link.url.split('/preview/')[1]!;
    const reporter = await publicCaller(database);
    const input = (overrides: Record<string, unknown>) => requestInput(person.id, '2027-03-02T09:00:00Z', { releaseId: release.id, ...overrides });
    // Without the link, the release does not exist for the public.
    expect(appCodeOf(await reporter.requests.create(input({})).catch((error: unknown) => error))).toBe('NOT_FOUND');
    expect(appCodeOf(await reporter.requests.create(input({ previewToken: 'x'.repeat(43), acceptEmbargoTerms: true })).catch((error: unknown) => error))).toBe('NOT_FOUND');
    const unaccepted = await reporter.requests.create(input({ previewToken: token })).catch((error: unknown) => error);
    expect(appCodeOf(unaccepted)).toBe('VALIDATION_FAILED');
    expect(String((unaccepted as Error).message)).toMatch(/embargo terms/);

    const created = await reporter.requests.create(input({ previewToken: token, acceptEmbargoTerms: true }));
    const row = await database.prisma.interviewRequest.findUnique({ where: { id: created.requestId }, select: { underEmbargo: true, embargoAcceptedAt: true } });
    expect(row).toEqual({ underEmbargo: true, embargoAcceptedAt: new Date('2027-03-01T08:00:00Z') });
    const queue = await desk.desk.requests.list({});
    const listed = JSON.stringify(queue);
    expect(listed).toContain('"underEmbargo":true');
    const managed = await desk.releases.getManaged({ id: release.id });
    expect(managed.requests).toEqual([expect.objectContaining({ id: created.requestId, underEmbargo: true })]);

    // After the instant, a request for it needs no link and is not marked.
    const later = await makeCaller(database, { now: at('2027-03-23T08:00:00Z'), config: workflowConfig(database) });
    const after = await later.requests.create(requestInput(person.id, '2027-03-24T09:00:00Z', { releaseId: release.id, deadline: '2027-03-24T08:00:00Z' }));
    expect((await database.prisma.interviewRequest.findUnique({ where: { id: after.requestId }, select: { underEmbargo: true } }))?.underEmbargo).toBe(false);
  });

  it('lists each release with its status for staff, and audits every change', async () => {
    const { desk, release } = await embargoedRelease('Monitor launch four');
    await desk.releases.update({ id: release.id, title: 'Monitor launch four (final)' });
    const statuses = Object.fromEntries((await desk.releases.listAll()).map((entry) => [entry.id, entry.status]));
    expect(statuses[release.id]).toBe('embargoed');
    const actions = await database.prisma.auditEvent.findMany({ where: { entityType: 'release', entityId: release.id }, select: { action: true }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((event) => event.action).sort()).toEqual(['release.create', 'release.preview_link', 'release.update']);
    const badLink = await desk.releases.update({ id: release.id, links: [{ label: 'x', url: 'javascript:alert(1)' }] }).catch((error: unknown) => error);
    expect(appCodeOf(badLink)).toBe('VALIDATION_FAILED');
  });
});

describe('attachments over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestHttpServer>>;
  let clock = new Date('2027-03-01T08:00:00Z');
  const origin = 'http://desk.test';
  let cookie = '';
  beforeAll(async () => {
    const config = workflowConfig(database, { DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-attachments-')) });
    server = await startTestHttpServer(database, config, undefined, () => clock);
    const user = await makeUser(database.prisma, { role: 'press_officer' });
    const login = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  });
  afterAll(() => server.close());

  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
  const upload = (releaseId: string, body: Buffer, type: string, headers: Record<string, string> = { cookie, origin }) =>
    fetch(`${server.base}/releases/${releaseId}/attachments?name=${encodeURIComponent('../Monitor report.pdf')}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: new Uint8Array(body) });

  it('stores a PDF for press officers and serves it only to those who may see the release', async () => {
    const { release, link } = await embargoedRelease('Monitor launch attachments');
    const token = link.url.split('/preview/')[1]!;
    const stored = await upload(release.id, pdf, 'application/pdf');
    expect(stored.status).toBe(201);
    const attachment = await stored.json();
    expect(attachment).toMatchObject({ fileName: 'Monitor report.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });
    const path = `${server.base}/attachments/${attachment.id}/report.pdf`;
    clock = new Date('2027-03-01T08:00:00Z');
    expect((await fetch(path)).status).toBe(404);
    expect((await fetch(`${path}?preview=${'x'.repeat(43)}`)).status).toBe(404);
    const viaLink = await fetch(`${path}?preview=${token}`);
    expect(viaLink.status).toBe(200);
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(pdf)).toBe(true);
    expect(viaLink.headers.get('content-security-policy')).toContain('sandbox');
    clock = new Date(EMBARGO);
    expect((await fetch(path)).status).toBe(200);
    const audit = await database.prisma.auditEvent.count({ where: { entityId: release.id, action: 'release.attachment_add' } });
    expect(audit).toBe(1);
  });

  it('refuses a wrong type, content that does not match its type, a file over 20 MB, strangers and other sites', async () => {
    clock = new Date('2027-03-01T08:00:00Z');
    const { release } = await embargoedRelease('Monitor launch refusals');
    expect((await upload(release.id, pdf, 'text/html')).status).toBe(400);
    expect((await upload(release.id, Buffer.from('<html><script>alert(1)</script>'), 'application/pdf')).status).toBe(400);
    const huge = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    expect((await upload(release.id, huge, 'application/pdf')).status).toBe(400);
    expect((await upload(release.id, pdf, 'application/pdf', { origin })).status).toBe(401);
    expect((await upload(release.id, pdf, 'application/pdf', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect(await database.prisma.releaseAttachment.count({ where: { releaseId: release.id } })).toBe(0);
  });
});

describe('sending a release to the media list', () => {
  it('queues one email per contact with their own link, skips do-not-contact, records who was sent it and which requests came from it', async () => {
    const { desk, person, release } = await embargoedRelease('Monitor launch sending');
    const tag = `launch-${Date.now()}`;
    for (const [name, doNotContact] of [['Ana Wire', false], ['Ben Radio', false], ['Cleo Quiet', true]] as const) {
      await desk.contacts.create({ name, emails: [`${name.split(' ')[0]!.toLowerCase()}-${tag}@example.org`], tags: [tag], doNotContact });
    }
    const preview = await desk.releases.recipients({ filter: { tag } });
    expect(preview.recipients.map((contact) => contact.name)).toEqual(['Ana Wire', 'Ben Radio']);
    expect(preview.skippedDoNotContact).toBe(1);

    expect(await desk.releases.send({ id: release.id, filter: { tag } })).toEqual({ sent: 2, alreadySent: 0 });
    // Sending again reaches nobody twice.
    expect(await desk.releases.send({ id: release.id, filter: { tag } })).toEqual({ sent: 0, alreadySent: 2 });
    const queued = await database.prisma.outboxMessage.findMany({ where: { kind: 'release', recipient: { contains: tag } }, select: { recipient: true, payload: true } });
    expect(queued.map((message) => message.recipient).sort()).toEqual([`ana-${tag}@example.org`, `ben-${tag}@example.org`]);

    // Each contact's link opens the release under embargo and books through it.
    const { deriveSendingToken } = await import('../../server/releases/send-release');
    const { getServerSecret } = await import('../../server/secrets');
    const sendingId = String((queued[0]!.payload as { releaseSendingId: string }).releaseSendingId);
    const token = deriveSendingToken(await getServerSecret(database.prisma), sendingId);
    const reporter = await publicCaller(database);
    expect(await reporter.releases.preview({ token })).toMatchObject({ id: release.id, underEmbargo: true });
    const created = await reporter.requests.create(requestInput(person.id, '2027-03-02T10:00:00Z', { releaseId: release.id, previewToken: token, acceptEmbargoTerms: true }));
    const managed = await desk.releases.getManaged({ id: release.id });
    expect(managed.sendings.map((sending) => sending.name).sort()).toEqual(['Ana Wire', 'Ben Radio']);
    expect(managed.requests).toEqual([expect.objectContaining({ id: created.requestId, underEmbargo: true, releaseSendingId: sendingId })]);

    // Erasing a contact removes the record of what was sent to them, and an erased person is never sent anything again.
    const ben = preview.recipients.find((contact) => contact.name === 'Ben Radio')!;
    await desk.contacts.erase({ id: ben.id });
    expect((await desk.releases.getManaged({ id: release.id })).sendings.map((sending) => sending.email)).not.toContain(`ben-${tag}@example.org`);
    expect((await desk.releases.recipients({ filter: { tag } })).recipients.map((contact) => contact.name)).toEqual(['Ana Wire']);
  });
});
