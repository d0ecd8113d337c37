import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeSpokesperson } from '../support/factories';
import { appCodeOf, deskCaller, publicCaller } from '../support/workflow';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('press releases', () => {
  it('are public once published and past their embargo; drafts and embargoed ones do not exist publicly', async () => {
    const { caller: desk } = await deskCaller(database);
    const person = await makeSpokesperson(database.prisma, { name: 'Hector Guerra' });
    const contact = await database.prisma.pressContact.create({ data: { name: 'Jared Bloch', title: 'Communications', email: 'media@example.org', phone: '+41780000000', visibility: { email: 'public', phone: 'confirmed' } } });
    // The workflow clock is 1 March 2027.
    const published = await desk.releases.create({ title: 'Coalition condemns cluster munition use', body: 'Geneva…', publishedAt: '2027-02-01T08:00:00Z', pressContactId: contact.id, spokespersonIds: [person.id] });
    expect(published.slug).toBe('coalition-condemns-cluster-munition-use');
    await desk.releases.create({ title: 'Monitor launch', body: 'Embargoed', publishedAt: '2027-02-01T08:00:00Z', embargoUntil: '2027-03-23T09:00:00Z' });
    await desk.releases.create({ title: 'Draft', body: 'Not yet' });

    const reporter = await publicCaller(database);
    const list = await reporter.releases.list();
    expect(list.map((release) => release.title)).toEqual(['Coalition condemns cluster munition use']);
    const page = await reporter.releases.get({ slug: published.slug });
    expect(page.spokespeople.map((spokesperson) => spokesperson.name)).toEqual(['Hector Guerra']);
    // Per-channel visibility: the email is public, the mobile only for confirmed interviewees.
    expect(page.pressContact).toEqual({ name: 'Jared Bloch', title: 'Communications', email: 'media@example.org', phone: null, whatsapp: null, phoneDisplay: null, whatsappDisplay: null, timeZone: null, hoursStart: null, hoursEnd: null });
    for (const slug of ['monitor-launch', 'draft', 'nothing-here']) {
      expect(appCodeOf(await reporter.releases.get({ slug }).catch((error: unknown) => error))).toBe('NOT_FOUND');
    }
    expect((await desk.releases.listAll()).map((release) => release.title).sort()).toEqual(['Coalition condemns cluster munition use', 'Draft', 'Monitor launch']);
    const clash = await desk.releases.create({ title: 'Other', body: 'x', slug: published.slug }).catch((error: unknown) => error);
    expect(appCodeOf(clash)).toBe('CONFLICT');
    expect(appCodeOf(await reporter.releases.create({ title: 'x', body: 'y' }).catch((error: unknown) => error))).toBe('UNAUTHENTICATED');
  });
});

describe('the press office’s own contacts', () => {
  it('per-channel visibility decides what a release page shows', async () => {
    const { caller: desk } = await deskCaller(database);
    const contact = await desk.pressContacts.create({ name: 'Ana Press', title: 'Press officer', email: 'Press@Example.org', phone: '+41 (0) 78-000-0000', visibility: { email: 'public', phone: 'public', whatsapp: 'internal' } });
    expect(contact).toMatchObject({ email: 'press@example.org', phone: '+41780000000' });
    const release = await desk.releases.create({ title: 'Visible contact', body: 'Text', publishedAt: '2027-02-01T08:00:00Z', pressContactId: contact.id });
    const reporter = await publicCaller(database);
    expect((await reporter.releases.get({ slug: release.slug })).pressContact).toMatchObject({ email: 'press@example.org', phone: '+41780000000' });
    await desk.pressContacts.update({ id: contact.id, visibility: { email: 'internal', phone: 'confirmed', whatsapp: 'internal' } });
    expect((await reporter.releases.get({ slug: release.slug })).pressContact).toMatchObject({ email: null, phone: null });
    const bad = await desk.pressContacts.create({ name: 'X', title: 'Y', email: 'x@example.org', phone: 'not a number' }).catch((error: unknown) => error);
    expect(appCodeOf(bad)).toBe('VALIDATION_FAILED');
    expect((await desk.pressContacts.list()).map((entry) => entry.name)).toContain('Ana Press');
  });
});
