// LIKE wildcards typed into a search are plain characters: "%" and "_" find
// what contains them, not everything. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { signedInCaller } from '../support/sign-in';

let database: TestDatabase;
let caller: Awaited<ReturnType<typeof signedInCaller>>['caller'];

beforeAll(async () => {
  database = await createTestDatabase();
  caller = (await signedInCaller(database, 'press_officer')).caller;
  await caller.contacts.create({ name: 'Ana Alpha', tags: ['energy'] });
  await caller.contacts.create({ name: 'Bo Beta', role: 'Editor' });
  await caller.contacts.create({ name: 'Cy 100% Gamma', tags: ['a_b'] });
  await caller.outlets.create({ name: 'Alpha Times', kind: 'print' });
  await caller.outlets.create({ name: 'Beta_Wire', kind: 'wire' });
});
afterAll(async () => {
  await database.destroy();
});

const names = (page: { contacts: { name: string }[] }) => page.contacts.map((contact) => contact.name).sort();

describe('search wildcards', () => {
  it('"%" and "_" in a contact search match only themselves', async () => {
    expect(names(await caller.contacts.list({ query: '%' }))).toEqual([]);
    expect(names(await caller.contacts.list({ query: '_' }))).toEqual([]);
    expect(names(await caller.contacts.list({ query: 'a%' }))).toEqual([]);
    expect(names(await caller.contacts.list({ query: 'b_ta' }))).toEqual([]);
    expect(names(await caller.contacts.list({ query: 'beta' }))).toEqual(['Bo Beta']);
  });

  it('wildcards in the tag filter match only themselves (the role filter reads words, punctuation aside)', async () => {
    expect(names(await caller.contacts.list({ role: 'e%' }))).toEqual(['Bo Beta']);
    expect(names(await caller.contacts.list({ role: 'edit' }))).toEqual(['Bo Beta']);
    expect(names(await caller.contacts.list({ tag: '%' }))).toEqual([]);
    expect(names(await caller.contacts.list({ tag: 'a_b' }))).toEqual(['Cy 100% Gamma']);
    expect(names(await caller.contacts.list({ tag: 'a%b' }))).toEqual([]);
  });

  it('"%" and "_" in an outlet search match only themselves', async () => {
    expect((await caller.outlets.list({ query: '%' })).map((outlet) => outlet.name)).toEqual([]);
    expect((await caller.outlets.list({ query: 'b_ta' })).map((outlet) => outlet.name)).toEqual([]);
    expect((await caller.outlets.list({ query: 'alpha' })).map((outlet) => outlet.name)).toEqual(['Alpha Times']);
  });
});
