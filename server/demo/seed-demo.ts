// The demo press office, built from the coalition's press release of
// 31 October 2020 (server/demo/press-release-2020-10-31.txt, a copy of
// shared/seed with the contact's real phone and address replaced by
// fictitious ones). All people's addresses are example.org and all numbers
// are fictitious: the demo never sends to a real person.
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';
import type { Db, Tx } from '../db';
import { hashPassword, verifyPassword } from '../auth/password';
import { contactColumns } from '../contacts/contact-record';
import { OFFICE_SETTING_KEY } from '../office/office-profile';
import type { OfficeProfile } from '../office/schema';

/** The password older versions published for every demo login; replaced at start (replacePublishedDemoPassword). */
const PUBLISHED_DEMO_PASSWORD = 'demo-press-office';
const DEMO_MARKER = 'demo.seededAt';

export const demoLogins = [
  { email: 'admin@example.org', name: 'Demo Administrator', role: 'admin' },
  { email: 'jared.bloch@example.org', name: 'Jared Bloch', role: 'press_officer' },
  { email: 'hector.guerra@example.org', name: 'Hector Guerra', role: 'spokesperson' },
  { email: 'kasia.derlicka@example.org', name: 'Kasia Derlicka-Rosenbauer', role: 'spokesperson' },
] as const;

interface ParsedRelease {
  title: string;
  body: string;
}

/** Splits the release file into its headline and body (up to "### Ends ###"). */
export function parsePressRelease(text: string): ParsedRelease {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Line 1 is the date; the headline is the next non-empty line.
  const titleIndex = lines.findIndex((line, index) => index > 0 && line.trim() !== '');
  const title = lines[titleIndex]?.trim() ?? 'Press release';
  const rest = lines.slice(titleIndex + 1).join('\n');
  const body = rest.split('### Ends ###')[0]!.trim();
  return { title, body };
}

/** 00:01 in Geneva three weeks after `now`: the demo's embargo, always ahead when the demo is fresh. */
export function demoEmbargoInstant(now: Date): Date {
  return DateTime.fromJSDate(now).setZone('Europe/Zurich').plus({ weeks: 3 }).set({ hour: 0, minute: 1, second: 0, millisecond: 0 }).toJSDate();
}

function readRelease(): ParsedRelease {
  return parsePressRelease(readFileSync(join(projectRoot, 'server', 'demo', 'press-release-2020-10-31.txt'), 'utf8'));
}

const allFormats = ['phone', 'whatsapp', 'video', 'studio', 'in_person', 'written'];

/**
 * Seeds the demo press office into an empty database. Idempotent: it claims a
 * marker row first, inside the same transaction, so a second start (or a second
 * instance starting at once) seeds nothing. Returns whether it seeded.
 */
export async function seedDemo(options: { db: Db; now: Date; password: string }): Promise<{ seeded: boolean }> {
  const { db, now } = options;
  const [marker, spokespeople] = await Promise.all([
    db.setting.findUnique({ where: { key: DEMO_MARKER } }),
    db.spokesperson.count(),
  ]);
  if (marker || spokespeople > 0) return { seeded: false };
  const passwordHash = await hashPassword(options.password);
  try {
    await db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: DEMO_MARKER, value: now.toISOString() } });
      await writeDemo(tx, passwordHash, now);
    });
  } catch (error) {
    // Another instance claimed the marker first: it seeds, we do not.
    if (await db.setting.findUnique({ where: { key: DEMO_MARKER } })) return { seeded: false };
    throw error;
  }
  return { seeded: true };
}

/**
 * Demo logins an older version seeded with the published password get this
 * install's own; a demo user whose password was changed is left alone.
 * Returns how many were changed.
 */
export async function replacePublishedDemoPassword(options: { db: Db; password: string }): Promise<number> {
  const users = await options.db.user.findMany({ where: { email: { in: demoLogins.map((login) => login.email) } }, select: { id: true, passwordHash: true } });
  const published = [];
  for (const user of users) if (await verifyPassword(PUBLISHED_DEMO_PASSWORD, user.passwordHash)) published.push(user.id);
  if (published.length === 0) return 0;
  const passwordHash = await hashPassword(options.password);
  await options.db.user.updateMany({ where: { id: { in: published } }, data: { passwordHash } });
  return published.length;
}

/** Whether the demo press office was seeded into this database. */
export async function hasDemo(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: DEMO_MARKER } })) !== null;
}

async function writeDemo(tx: Tx, passwordHash: string, now: Date) {
  const users: Record<string, string> = {};
  for (const login of demoLogins) {
    const existing = await tx.user.findUnique({ where: { email: login.email }, select: { id: true } });
    const user = existing ?? (await tx.user.create({ data: { email: login.email, name: login.name, role: login.role, passwordHash }, select: { id: true } }));
    users[login.email] = user.id;
  }

  const release = readRelease();
  const pressContact = await tx.pressContact.create({
    data: {
      name: 'Jared Bloch',
      title: 'Communications and Network Administration Manager',
      email: 'media@example.org',
      phone: '+41780000000',
      whatsapp: '+41780000000',
      // The release publishes the mobile/WhatsApp number, so the demo does too.
      visibility: { email: 'public', phone: 'public', whatsapp: 'public' },
      hoursStart: '09:00',
      hoursEnd: '18:00',
      // The release says "(CET)": that is Geneva's zone as of 31 October; the zone is stored, its abbreviation is computed per date.
      timeZone: 'Europe/Zurich',
      userId: users['jared.bloch@example.org'],
    },
  });

  // The office profile: the coalition the release speaks for, in Geneva (its
  // dateline), with the release's press contact as the public contact.
  const profile: OfficeProfile = {
    name: 'Cluster Munition Coalition',
    description:
      'The Cluster Munition Coalition (CMC) is a global civil society campaign working to eradicate cluster munitions, prevent casualties from these weapons and put an end to the suffering they cause. (Demo data for Interview Desk.)',
    website: 'https://cmc.example.org',
    timeZone: 'Europe/Zurich',
    pressContactId: pressContact.id,
  };
  await tx.setting.create({ data: { key: OFFICE_SETTING_KEY, value: profile } });

  const hector = await tx.spokesperson.create({
    data: {
      slug: 'hector-guerra',
      name: 'Hector Guerra',
      title: 'Director, Cluster Munition Coalition',
      bio: 'Directs the Cluster Munition Coalition and speaks for it on the use of cluster munitions and the Convention on Cluster Munitions.',
      email: 'hector.guerra@example.org',
      phone: '+41780000001',
      languages: ['en', 'es'],
      topics: ['cluster munitions', 'Convention on Cluster Munitions', 'Nagorno-Karabakh', 'civilian casualties'],
      timeZone: 'Europe/Zurich',
      formats: allFormats,
      defaultDurationMinutes: 30,
      allowedDurations: [15, 30, 45],
      slotStepMinutes: 30,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 240,
      maxPerDay: 4,
      horizonDays: 60,
      holdSlots: true,
      userId: users['hector.guerra@example.org'],
      weeklyRules: {
        create: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, startTime: '09:00', endTime: '12:00' },
          { weekday, startTime: '14:00', endTime: '17:30' },
        ]),
      },
    },
  });

  const kasia = await tx.spokesperson.create({
    data: {
      slug: 'kasia-derlicka-rosenbauer',
      name: 'Kasia Derlicka-Rosenbauer',
      title: 'Policy and Government Liaison Manager, Cluster Munition Coalition',
      bio: 'Works with governments on joining and implementing the Convention on Cluster Munitions, and on the Cluster Munition Monitor.',
      email: 'kasia.derlicka@example.org',
      phone: '+41780000002',
      languages: ['en', 'pl', 'fr'],
      topics: ['Convention on Cluster Munitions', 'treaty accession', 'Armenia', 'Azerbaijan', 'Cluster Munition Monitor'],
      timeZone: 'Europe/Zurich',
      formats: ['phone', 'whatsapp', 'video', 'written'],
      defaultDurationMinutes: 30,
      allowedDurations: [15, 30, 60],
      slotStepMinutes: 15,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 120,
      maxPerDay: 5,
      horizonDays: 60,
      holdSlots: false,
      userId: users['kasia.derlicka@example.org'],
      weeklyRules: {
        create: [1, 2, 3, 4].flatMap((weekday) => [
          { weekday, startTime: '10:00', endTime: '13:00' },
          { weekday, startTime: '15:00', endTime: '18:00' },
        ]),
      },
    },
  });

  await tx.release.create({
    data: {
      slug: 'cmc-condemns-cluster-munition-use-nagorno-karabakh',
      title: release.title,
      body: release.body,
      // Geneva, 31 October 2020, 09:00 CET (UTC+1: summer time had ended on 25 October).
      publishedAt: new Date('2020-10-31T08:00:00Z'),
      // The original's "Links:" section (its hyperlinks did not survive as text; fictitious addresses here).
      links: [
        { label: 'Cluster Munition Monitor', url: 'https://cmc.example.org/monitor' },
        { label: 'The Convention on Cluster Munitions', url: 'https://cmc.example.org/convention' },
      ],
      pressContactId: pressContact.id,
      spokespeople: { create: [{ spokespersonId: hector.id, position: 0 }, { spokespersonId: kasia.id, position: 1 }] },
    },
  });
  await tx.release.create({
    data: {
      slug: 'cluster-munition-monitor-launch',
      title: 'Cluster Munition Monitor launches',
      body:
        "CMC's flagship report, the **Cluster Munition Monitor**, will be launched, providing a global overview of the international norm banning cluster munitions and progress towards eliminating the weapon, providing life-saving risk education, and assisting survivors.",
      publishedAt: new Date('2020-10-31T08:00:00Z'),
      // Under embargo in the demo whenever it is seeded: until 00:01 in Geneva, three weeks later.
      embargoUntil: demoEmbargoInstant(now),
      embargoTerms: 'Not for publication, broadcast or posting before the embargo lifts. Interviews may be recorded in advance.',
      pressContactId: pressContact.id,
      spokespeople: { create: [{ spokespersonId: kasia.id, position: 0 }, { spokespersonId: hector.id, position: 1 }] },
    },
  });

  const outlets = await Promise.all(
    [
      { name: 'Lakeside Tribune (fictitious)', kind: 'print', country: 'CH', language: 'fr', website: 'https://tribune.example.org' },
      { name: 'Example Wire Service', kind: 'wire', country: 'US', language: 'en', website: 'https://wire.example.org' },
      { name: 'Radio Caucasus Example', kind: 'radio', country: 'AZ', language: 'en', website: 'https://radio.example.org' },
    ].map((data) => tx.outlet.create({ data, select: { id: true } })),
  );
  const outletNames = ['Lakeside Tribune (fictitious)', 'Example Wire Service', 'Radio Caucasus Example'];
  const contacts = [
    { name: 'Camille Dufour', email: 'camille.dufour@example.org', outlet: 0, role: 'International affairs', languages: ['fr', 'en'], timeZone: 'Europe/Zurich', country: 'CH', phone: '+41790000003' },
    { name: 'Daniel Okafor', email: 'daniel.okafor@example.org', outlet: 1, role: 'Diplomacy correspondent', languages: ['en'], timeZone: 'America/New_York', country: 'US', phone: '+12025550104' },
    { name: 'Leyla Mammadova', email: 'leyla.mammadova@example.org', outlet: 2, role: 'Conflict reporter', languages: ['en', 'az', 'ru'], timeZone: 'Asia/Baku', country: 'AZ', whatsapp: '+994500000005' },
  ];
  for (const contact of contacts) {
    // The same columns (search text, facets, phones) as contacts made through the media list.
    const columns = contactColumns({
      name: contact.name,
      emails: [contact.email],
      phones: contact.phone ? [{ e164: contact.phone, kind: 'work' }] : [],
      whatsapp: contact.whatsapp ?? null,
      outletId: outlets[contact.outlet]!.id,
      outletName: outletNames[contact.outlet]!,
      role: contact.role,
      languages: contact.languages,
      timeZone: contact.timeZone,
      country: contact.country,
      notes: null,
      tags: ['demo'],
    });
    await tx.mediaContact.create({
      data: {
        ...columns,
        source: 'Demo data',
        lawfulBasis: 'legitimate_interest',
        lawfulBasisAt: new Date('2020-10-31T08:00:00Z'),
        preferredChannel: 'email',
      },
    });
  }
}
