import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start-server';
import { seedDemo, parsePressRelease, demoLogins } from '../../server/demo/seed-demo';
import { readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller, makeTestConfig, silentLogger } from '../support/context';

let database: TestDatabase;
/** The password the first start generated for this install. */
let demoPassword = '';
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

async function counts() {
  const db = database.prisma;
  return {
    users: await db.user.count(),
    spokespeople: await db.spokesperson.count(),
    rules: await db.weeklyRule.count(),
    releases: await db.release.count(),
    contacts: await db.mediaContact.count(),
    outlets: await db.outlet.count(),
    pressContacts: await db.pressContact.count(),
  };
}

describe('demo press office', () => {
  it('starting twice on one database seeds once, and the spokespeople are served', async () => {
    const config = makeTestConfig(database.target, { DESK_DEMO: '1', PORT: '1' });
    const lines: string[] = [];
    for (let start = 0; start < 2; start++) {
      const running = await startServer({ config: { ...config, port: 0 }, logger: silentLogger, buildClient: false, announce: (line) => lines.push(line) });
      if (start === 0) demoPassword = running.demoPassword!;
      // The same generated password on every start.
      expect(running.demoPassword).toBe(demoPassword);
      const response = await fetch(`${running.url}/trpc/spokespeople.list`);
      const names = (await response.json()).result.data.map((person: { name: string }) => person.name);
      expect(names).toEqual(['Hector Guerra', 'Kasia Derlicka-Rosenbauer']);
      await running.close();
    }
    expect(await counts()).toEqual({ users: 4, spokespeople: 2, rules: 18, releases: 2, contacts: 3, outlets: 3, pressContacts: 1 });
    // The logins are printed on every start.
    expect(lines.filter((line) => line.includes('jared.bloch@example.org'))).toHaveLength(2);
    expect(lines.filter((line) => line.includes(`password "${demoPassword}"`))).toHaveLength(2);
    expect(demoPassword).not.toBe('demo-press-office');
  });

  it('two seeds racing on one database seed once', async () => {
    const before = await counts();
    const results = await Promise.all([seedDemo({ db: database.prisma, now: new Date(), password: demoPassword }), seedDemo({ db: database.prisma, now: new Date(), password: demoPassword })]);
    expect(results.every((result) => !result.seeded)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('the demo logins work and have the roles printed', async () => {
    for (const login of demoLogins) {
      const caller = await makeCaller(database);
      await caller.auth.login({ email: login.email, password: demoPassword });
    }
    const press = await database.prisma.user.findUnique({ where: { email: 'jared.bloch@example.org' } });
    expect(press?.role).toBe('press_officer');
  });

  it('uses the press release text with fictitious contact details only', async () => {
    const release = await database.prisma.release.findUnique({ where: { slug: 'cmc-condemns-cluster-munition-use-nagorno-karabakh' }, include: { spokespeople: true, pressContact: true } });
    expect(release?.title).toBe('Cluster Munition Coalition Condemns Reported Use of the Weapon by Armenia and Azerbaijan in Nagorno-Karabakh');
    expect(release?.body).toMatch(/^\(Geneva, 31 October 2020\)/);
    expect(release?.spokespeople).toHaveLength(2);
    expect(release?.pressContact?.email).toBe('media@example.org');
    const everything = JSON.stringify(await database.prisma.release.findMany()) + JSON.stringify(await database.prisma.pressContact.findMany());
    expect(everything).not.toMatch(/icblcmc|683-4407|41786834407/);
  });

  it('a seeded spokesperson is available in Europe/Zurich, Monday to Friday', async () => {
    const hector = await database.prisma.spokesperson.findUnique({ where: { slug: 'hector-guerra' }, include: { weeklyRules: true } });
    expect(hector?.timeZone).toBe('Europe/Zurich');
    expect(new Set(hector?.weeklyRules.map((rule) => rule.weekday))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe('parsePressRelease', () => {
  it('splits headline and body at "### Ends ###"', () => {
    const parsed = parsePressRelease(readFileSync(new URL('../../server/demo/press-release-2020-10-31.txt', import.meta.url), 'utf8'));
    expect(parsed.body).toContain('123 nations have joined');
    expect(parsed.body).not.toContain('### Ends ###');
    expect(parsed.body).not.toContain('to schedule an interview');
  });
});

describe('the demo matches the seed release', () => {
  it('publishes the press officer’s mobile/WhatsApp, keeps a links section and has a release under embargo', async () => {
    const contact = await database.prisma.pressContact.findFirst({ where: { email: 'media@example.org' } });
    expect(contact?.visibility).toEqual({ email: 'public', phone: 'public', whatsapp: 'public' });
    const release = await database.prisma.release.findUnique({ where: { slug: 'cmc-condemns-cluster-munition-use-nagorno-karabakh' } });
    expect((release?.links as unknown[]).length).toBeGreaterThan(0);
    const embargoed = await database.prisma.release.findUnique({ where: { slug: 'cluster-munition-monitor-launch' } });
    expect(embargoed?.embargoUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(embargoed?.embargoTerms).not.toBe('');
  });
});
