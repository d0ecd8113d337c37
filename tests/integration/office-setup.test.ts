// Setting up a press office from the console: the office profile, staff users
// with one-time set-password links (single use, expiring, hashed), press
// contacts with a working zone, spokespeople, and a spokesperson's own home
// (me.interviews, feeds.status). Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller, makeCookieRecorder } from '../support/context';
import { makeSpokesperson } from '../support/factories';
import { signedInCaller } from '../support/sign-in';
import { appCodeOf, deskCaller, fieldErrorsOf, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { renderOutboxMessage } from '../../server/outbox/render-outbox-message';
import { hashSecretToken } from '../../server/auth/tokens';
import { PASSWORD_LINK_TTL_MS } from '../../server/auth/password-links';
import { seedDemo } from '../../server/demo/seed-demo';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const fails = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected the call to fail'); }, (error: unknown) => error);
const at = (iso: string) => () => new Date(iso);

/** The set-password URL in the newest password_link email to `email`, rendered as the outbox worker would. */
async function emailedLink(email: string) {
  const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, kind: 'password_link' }, orderBy: { createdAt: 'desc' } });
  const config = workflowConfig(database);
  const mail = await renderOutboxMessage(database.prisma, row, config);
  const url = /http:\/\/desk\.test\/desk\/set-password\?token=([A-Za-z0-9_-]{43})/.exec(String(mail.text));
  expect(url, String(mail.text)).not.toBeNull();
  return { row, mail, token: url![1]! };
}

async function canSignIn(email: string, password: string) {
  const cookies = makeCookieRecorder();
  return (await makeCaller(database, { cookies })).auth.login({ email, password }).then(() => true, () => false);
}

describe('office profile', () => {
  it('is public to read, admin-only to change, validated, and audited', async () => {
    const anonymous = await publicCaller(database);
    expect(await anonymous.office.get()).toMatchObject({ configured: false, name: null, contact: null });

    const officer = await deskCaller(database, 'press_officer');
    const admin = await deskCaller(database, 'admin');
    const contact = await officer.caller.pressContacts.create({ name: 'Jared Bloch', title: 'Communications', email: 'Media@Example.org', phone: '+41 78 000 00 00', visibility: { email: 'public', phone: 'internal', whatsapp: 'confirmed' }, timeZone: 'Europe/Zurich' });
    const profile = { name: 'Cluster Munition Coalition', description: 'A global campaign.', website: 'https://cmc.example.org', timeZone: 'Europe/Zurich', pressContactId: contact.id };

    expect(appCodeOf(await fails(officer.caller.office.update(profile)))).toBe('FORBIDDEN');
    expect(appCodeOf(await fails(anonymous.office.update(profile)))).toBe('UNAUTHENTICATED');
    const invalid = await fails(admin.caller.office.update({ ...profile, name: ' ', website: 'javascript:alert(1)', timeZone: 'CET' }));
    expect(appCodeOf(invalid)).toBe('VALIDATION_FAILED');
    expect(Object.keys(fieldErrorsOf(invalid)).sort()).toEqual(['name', 'timeZone', 'website']);
    expect(appCodeOf(await fails(admin.caller.office.update({ ...profile, pressContactId: 'no-such-contact' })))).toBe('NOT_FOUND');
    expect(await database.prisma.setting.findUnique({ where: { key: 'office' } })).toBeNull();

    await admin.caller.office.update(profile);
    // Reporters see the contact's public channels only.
    expect(await anonymous.office.get()).toEqual({
      configured: true,
      name: 'Cluster Munition Coalition',
      description: 'A global campaign.',
      website: 'https://cmc.example.org',
      timeZone: 'Europe/Zurich',
      contact: { id: contact.id, name: 'Jared Bloch', title: 'Communications', email: 'media@example.org', phone: null, whatsapp: null, phoneDisplay: null, whatsappDisplay: null, timeZone: 'Europe/Zurich', hoursStart: null, hoursEnd: null },
    });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'office.update' } });
    expect(audit).toMatchObject({ actorType: 'user', actorId: admin.user.id, entityType: 'office', before: null });
    expect(audit.after).toMatchObject({ name: 'Cluster Munition Coalition', pressContactId: contact.id });
  });
});

describe('demo office profile', () => {
  it('the demo seed fills the profile from the release: the coalition in Geneva, its press contact in Europe/Zurich', async () => {
    // Its own database: the demo seeds only an empty one.
    const demo = await createTestDatabase();
    try {
      expect(await seedDemo({ db: demo.prisma, now: WORKFLOW_NOW, password: 'a demo password for this test' })).toEqual({ seeded: true });
      const office = await (await makeCaller(demo)).office.get();
      expect(office).toMatchObject({ configured: true, name: 'Cluster Munition Coalition', timeZone: 'Europe/Zurich', website: 'https://cmc.example.org' });
      // The release's "(CET)" is stored as the zone; the release publishes the mobile/WhatsApp, so the demo does too.
      expect(office.contact).toMatchObject({ name: 'Jared Bloch', email: 'media@example.org', phone: '+41780000000', phoneDisplay: '+41 78 000 00 00', whatsapp: '+41780000000', timeZone: 'Europe/Zurich', hoursStart: '09:00', hoursEnd: '18:00' });
    } finally {
      await demo.destroy();
    }
  });
});

describe('staff users and set-password links', () => {
  it('a new user gets a single-use link by email (never a password), sets a password with it and signs in', async () => {
    const admin = await deskCaller(database, 'admin');
    const created = await admin.caller.users.create({ email: 'New.Officer@Example.org', name: 'New Officer', role: 'press_officer' });
    expect(created).toMatchObject({ email: 'new.officer@example.org', role: 'press_officer', active: true });
    expect(Date.parse(created.passwordLinkExpiresAt!)).toBe(WORKFLOW_NOW.getTime() + PASSWORD_LINK_TTL_MS);
    expect(await canSignIn('new.officer@example.org', '')).toBe(false);

    const { row, mail, token } = await emailedLink('new.officer@example.org');
    // The outbox row and the link row hold no token, only the link id and the token's hash.
    expect(JSON.stringify(row.payload)).not.toContain(token);
    const link = await database.prisma.passwordLink.findFirstOrThrow({ where: { user: { email: 'new.officer@example.org' } } });
    expect(link.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(link)).not.toContain(token);
    expect(mail.subject).toMatch(/set your password/);
    // The expiry is said in the office's zone (UTC before a profile exists), named.
    expect(String(mail.text)).toMatch(/until .*2027.*UTC/);

    const anonymous = await makeCaller(database, { now: () => WORKFLOW_NOW });
    expect(await anonymous.auth.passwordLink({ token })).toMatchObject({ email: 'new.officer@example.org', name: 'New Officer', purpose: 'invite' });
    const short = await fails(anonymous.auth.setPassword({ token, password: 'short' }));
    expect(appCodeOf(short)).toBe('VALIDATION_FAILED');
    expect(fieldErrorsOf(short).password?.[0]).toMatch(/at least 12 characters/);

    await anonymous.auth.setPassword({ token, password: 'a long new password' });
    expect(await canSignIn('new.officer@example.org', 'a long new password')).toBe(true);
    // Single use: the same link again is refused and changes nothing.
    expect(appCodeOf(await fails(anonymous.auth.setPassword({ token, password: 'another long password' })))).toBe('INVALID_TRANSITION');
    expect(await canSignIn('new.officer@example.org', 'a long new password')).toBe(true);
    expect(appCodeOf(await fails(anonymous.auth.passwordLink({ token: 'x'.repeat(43) })))).toBe('NOT_FOUND');

    const actions = (await database.prisma.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: 'asc' } })).map((event) => [event.action, event.actorId]);
    expect(actions).toEqual([['user.create', admin.user.id], ['user.set_password', created.id]]);
  });

  it('a link stops working after 72 hours (fixed clock)', async () => {
    const admin = await deskCaller(database, 'admin');
    await admin.caller.users.create({ email: 'late@example.org', name: 'Late', role: 'spokesperson' });
    const { token } = await emailedLink('late@example.org');
    const justBefore = await makeCaller(database, { now: () => new Date(WORKFLOW_NOW.getTime() + PASSWORD_LINK_TTL_MS - 1) });
    await expect(justBefore.auth.passwordLink({ token })).resolves.toMatchObject({ email: 'late@example.org' });
    const after = await makeCaller(database, { now: () => new Date(WORKFLOW_NOW.getTime() + PASSWORD_LINK_TTL_MS) });
    const expired = await fails(after.auth.setPassword({ token, password: 'a long new password' }));
    expect(appCodeOf(expired)).toBe('INVALID_TRANSITION');
    expect((expired as Error).message).toMatch(/expired/);
    expect(await canSignIn('late@example.org', 'a long new password')).toBe(false);
  });

  it('a reset ends the user’s sessions, stops the old password and the older link, and sends a new link', async () => {
    const admin = await deskCaller(database, 'admin');
    const created = await admin.caller.users.create({ email: 'reset.me@example.org', name: 'Reset Me', role: 'press_officer', password: 'first long password' });
    const cookies = makeCookieRecorder();
    await (await makeCaller(database, { cookies })).auth.login({ email: 'reset.me@example.org', password: 'first long password' });
    const session = await makeCaller(database, { sessionToken: cookies.token });
    expect(await session.auth.me()).toMatchObject({ email: 'reset.me@example.org' });

    expect(await admin.caller.users.resetPassword({ userId: created.id })).toMatchObject({ sessionsEnded: 1 });
    const first = await emailedLink('reset.me@example.org');
    expect(first.mail.subject).toMatch(/new password/);
    expect(await (await makeCaller(database, { sessionToken: cookies.token })).auth.me()).toBeNull();
    expect(await canSignIn('reset.me@example.org', 'first long password')).toBe(false);

    // A second reset replaces the first link.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await admin.caller.users.resetPassword({ userId: created.id });
    const anonymous = await makeCaller(database, { now: () => WORKFLOW_NOW });
    expect((await fails(anonymous.auth.setPassword({ token: first.token, password: 'second long password' })) as Error).message).toMatch(/newer link/);
    const rows = await database.prisma.outboxMessage.findMany({ where: { recipient: 'reset.me@example.org', kind: 'password_link' }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    const second = await renderOutboxMessage(database.prisma, rows[1]!, workflowConfig(database));
    const token = /token=([A-Za-z0-9_-]{43})/.exec(String(second.text))![1]!;
    await anonymous.auth.setPassword({ token, password: 'second long password' });
    expect(await canSignIn('reset.me@example.org', 'second long password')).toBe(true);
    // The replaced link's email, if still queued, is not worth sending.
    await expect(renderOutboxMessage(database.prisma, rows[0]!, workflowConfig(database))).rejects.toThrow(/used or replaced/);
    expect(await database.prisma.auditEvent.count({ where: { action: 'user.reset_password', entityId: created.id, actorId: admin.user.id } })).toBe(2);
  });

  it('only admins manage users; press officers may list spokesperson accounts to link', async () => {
    const officer = await deskCaller(database, 'press_officer');
    const spokesperson = await deskCaller(database, 'spokesperson');
    const admin = await deskCaller(database, 'admin');
    for (const caller of [officer.caller, spokesperson.caller]) {
      expect(appCodeOf(await fails(caller.users.create({ email: 'nobody@example.org', name: 'Nobody', role: 'admin' })))).toBe('FORBIDDEN');
      expect(appCodeOf(await fails(caller.users.resetPassword({ userId: admin.user.id })))).toBe('FORBIDDEN');
      expect(appCodeOf(await fails(caller.users.setActive({ userId: admin.user.id, active: false })))).toBe('FORBIDDEN');
    }
    expect(appCodeOf(await fails(spokesperson.caller.users.spokespersonAccounts()))).toBe('FORBIDDEN');
    const accounts = await officer.caller.users.spokespersonAccounts();
    expect(accounts.map((account) => account.id)).toContain(spokesperson.user.id);
    expect(accounts.every((account) => !('passwordHash' in account))).toBe(true);
    const invalid = await fails(admin.caller.users.create({ email: 'not an address', name: '', role: 'editor' as never }));
    expect(Object.keys(fieldErrorsOf(invalid)).sort()).toEqual(['email', 'name', 'role']);
    expect(appCodeOf(await fails(admin.caller.users.resetPassword({ userId: 'no-such-user' })))).toBe('NOT_FOUND');
    const listed = await admin.caller.users.list();
    expect(listed.find((user) => user.id === officer.user.id)).toMatchObject({ hasPassword: true, passwordLinkExpiresAt: null });
    expect(listed.some((user) => 'passwordHash' in user)).toBe(false);
  });
});

describe('press contacts', () => {
  it('keep a working zone (IANA, never an abbreviation) and per-channel visibility; an update keeps what it leaves out', async () => {
    const officer = await deskCaller(database, 'press_officer');
    const refused = await fails(officer.caller.pressContacts.create({ name: 'A', title: 'B', email: 'a@example.org', timeZone: 'CET' }));
    expect(fieldErrorsOf(refused).timeZone?.[0]).toMatch(/IANA/);
    const created = await officer.caller.pressContacts.create({ name: 'Ana', title: 'Press', email: 'ana@example.org', phone: '+1 202 555 0104', whatsapp: '+12025550104', timeZone: 'America/New_York', visibility: { email: 'public', phone: 'confirmed', whatsapp: 'internal' } });
    const updated = await officer.caller.pressContacts.update({ id: created.id, title: 'Head of press' });
    expect(updated).toMatchObject({ title: 'Head of press', phone: '+12025550104', whatsapp: '+12025550104', timeZone: 'America/New_York', visibility: { email: 'public', phone: 'confirmed', whatsapp: 'internal' } });
    const spokesperson = await deskCaller(database, 'spokesperson');
    expect(appCodeOf(await fails(spokesperson.caller.pressContacts.update({ id: created.id, title: 'x' })))).toBe('FORBIDDEN');
    expect(await database.prisma.auditEvent.count({ where: { entityType: 'press_contact', entityId: created.id } })).toBe(2);
  });
});

describe('spokespeople from the console', () => {
  it('press officers create, edit, link and deactivate; spokespeople cannot create or deactivate', async () => {
    const officer = await deskCaller(database, 'press_officer');
    const account = await deskCaller(database, 'spokesperson');
    const created = await officer.caller.spokespeople.create({
      name: 'Ana Lima', title: 'Director', email: 'ana.lima@example.org', languages: ['en', 'pt-BR'], topics: ['landmines'], timeZone: 'America/New_York',
      formats: ['video', 'phone'], allowedDurations: [15, 30], defaultDurationMinutes: 30, slotStepMinutes: 15, bufferBeforeMinutes: 5, bufferAfterMinutes: 10,
      minimumNoticeMinutes: 60, maxPerDay: 3, horizonDays: 30, holdSlots: true, userId: account.user.id,
      weeklyRules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    expect(created).toMatchObject({ slug: 'ana-lima', timeZone: 'America/New_York', maxPerDay: 3, holdSlots: true, userId: account.user.id });
    expect(created.weeklyRules).toHaveLength(5);
    expect(appCodeOf(await fails(account.caller.spokespeople.create({ name: 'X', title: 'Y', email: 'x@example.org', languages: ['en'], timeZone: 'UTC', formats: ['phone'] })))).toBe('FORBIDDEN');
    expect(appCodeOf(await fails(account.caller.spokespeople.update({ id: created.id, active: false })))).toBe('FORBIDDEN');
    const deactivated = await officer.caller.spokespeople.update({ id: created.id, active: false });
    expect(deactivated.active).toBe(false);
    expect((await (await publicCaller(database)).spokespeople.list()).some((person) => person.id === created.id)).toBe(false);
  });
});

describe('a spokesperson at home', () => {
  it('me.interviews lists only their own interviews, upcoming and past, in their zone and the reporter’s', async () => {
    const mine = await makeBookableSpokesperson(database, { timeZone: 'Europe/Zurich' });
    const theirs = await makeBookableSpokesperson(database, { timeZone: 'America/New_York' });
    const desk = await deskCaller(database);
    const reporter = await publicCaller(database);
    const book = async (spokespersonId: string, start: string) => {
      const created = await reporter.requests.create(requestInput(spokespersonId, start));
      return (await desk.caller.desk.requests.approve({ requestId: created.requestId })).interview!.id;
    };
    const early = await book(mine.id, '2027-03-03T09:00:00Z');
    const later = await book(mine.id, '2027-03-10T09:00:00Z');
    await book(theirs.id, '2027-03-03T15:00:00Z');

    const { caller } = await signedInCaller(database, 'spokesperson', { spokespersonId: mine.id, now: at('2027-03-05T12:00:00Z') });
    const upcoming = await caller.me.interviews({ when: 'upcoming' });
    expect(upcoming.map((interview) => interview.id)).toEqual([later]);
    expect(upcoming[0]!.start).toEqual({ utc: '2027-03-10T09:00:00.000Z', spokesperson: '2027-03-10T10:00:00+01:00', reporter: '2027-03-10T04:00:00-05:00' });
    expect(upcoming[0]!.reporter.timeZone).toBe('America/New_York');
    expect((await caller.me.interviews({ when: 'past' })).map((interview) => interview.id)).toEqual([early]);

    // An account linked to no spokesperson has no interviews to see, and cannot ask for someone else's.
    const officer = await signedInCaller(database, 'press_officer');
    expect(appCodeOf(await fails(officer.caller.me.interviews({ when: 'upcoming' })))).toBe('NOT_FOUND');
    expect(appCodeOf(await fails((await makeCaller(database)).me.interviews({})))).toBe('UNAUTHENTICATED');
    expect(appCodeOf(await fails(caller.me.interviews({ when: 'tomorrow' as never })))).toBe('VALIDATION_FAILED');
  });

  it('feeds.status says whether their feed URL is live, and only for their own', async () => {
    const person = await makeSpokesperson(database.prisma);
    const other = await makeSpokesperson(database.prisma);
    const { caller } = await signedInCaller(database, 'spokesperson', { spokespersonId: person.id });
    const scope = { scope: 'spokesperson' as const, spokespersonId: person.id };
    expect(await caller.feeds.status(scope)).toEqual({ active: false, createdAt: null });
    await caller.feeds.rotate(scope);
    expect(await caller.feeds.status(scope)).toMatchObject({ active: true });
    await caller.feeds.revoke(scope);
    expect(await caller.feeds.status(scope)).toEqual({ active: false, createdAt: null });
    expect(appCodeOf(await fails(caller.feeds.status({ scope: 'spokesperson', spokespersonId: other.id })))).toBe('FORBIDDEN');
    expect(appCodeOf(await fails(caller.feeds.status({ scope: 'office' })))).toBe('FORBIDDEN');
  });
});
