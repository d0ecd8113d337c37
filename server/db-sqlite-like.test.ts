import { describe, expect, it } from 'vitest';
import { sqliteLike } from './db-sqlite-like';

describe('SQLite LIKE with a backslash escape', () => {
  it('keeps SQLite semantics: % any run, _ one character, ASCII case-insensitive, NULL in NULL out', () => {
    expect(sqliteLike('a%c', 'abbbc')).toBe(1);
    expect(sqliteLike('a_c', 'abc')).toBe(1);
    expect(sqliteLike('a_c', 'abbc')).toBe(0);
    expect(sqliteLike('ABC%', 'abcdef')).toBe(1);
    expect(sqliteLike('é%', 'É')).toBe(0);
    expect(sqliteLike('_', '😀')).toBe(1);
    expect(sqliteLike('a%', null)).toBeNull();
  });

  it('reads a backslash as the escape character, and an explicit ESCAPE wins', () => {
    expect(sqliteLike('100\\%', '100%')).toBe(1);
    expect(sqliteLike('100\\%', '1000')).toBe(0);
    expect(sqliteLike('a\\_b', 'axb')).toBe(0);
    expect(sqliteLike('a\\\\b', 'a\\b')).toBe(1);
    expect(sqliteLike('a!%', 'a%', '!')).toBe(1);
    expect(sqliteLike('a.*(b)[', 'a.*(b)[')).toBe(1);
    expect(sqliteLike('% lang:en-gb %', ' lang:en-gb ')).toBe(1);
    expect(sqliteLike('a{2}|$^/', 'a{2}|$^/')).toBe(1);
  });
});
