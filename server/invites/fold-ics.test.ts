import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_OCTETS, foldContentLine, refoldIcs, unfoldContentLines } from './fold-ics';

/** Any code point, with extra weight on the characters that make a fold risky (see isRiskyCut). */
const anyCodePointOrFoldHazard = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\\', '^', 'é', '€', '😀') },
);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Physical lines of one folded content line, each checked as the RFC requires. */
function expectWellFolded(folded: string, original: string): string[] {
  const physicalLines = folded.split('\r\n');
  physicalLines.forEach((physicalLine, index) => {
    const bytes = encoder.encode(physicalLine);
    expect(bytes.length, `line ${index} octets`).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // Valid UTF-8 on its own: decoding the line's bytes alone must not throw.
    expect(strictUtf8.decode(bytes)).toBe(physicalLine);
    expect(physicalLine).not.toMatch(/[\r\n]/);
    if (index > 0) expect(physicalLine.startsWith(' ')).toBe(true);
  });
  expect(unfoldContentLines(folded + '\r\n')).toEqual([original]);
  return physicalLines;
}

describe('foldContentLine', () => {
  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldContentLine(line)).toBe(line);
  });

  it('folds a 76-octet line into 75 octets plus a continuation that counts its leading space', () => {
    const line = 'DESCRIPTION:' + 'x'.repeat(64);
    const physicalLines = expectWellFolded(foldContentLine(line), line);
    expect(physicalLines).toEqual(['DESCRIPTION:' + 'x'.repeat(63), ' x']);
    const long = 'y'.repeat(75 + 74 + 10);
    expect(expectWellFolded(foldContentLine(long), long).map((l) => l.length)).toEqual([75, 75, 11]);
  });

  it('never splits a multi-octet character: emoji, accents and CJK', () => {
    const samples = [
      'SUMMARY:' + '😀'.repeat(60),
      'DESCRIPTION:' + 'Zürich – Genève '.repeat(12),
      'LOCATION:' + '東京都千代田区丸の内'.repeat(8),
      'SUMMARY:' + '🎙️👩🏽‍💼🇨🇭 é'.repeat(20),
      'X:' + 'a😀'.repeat(40),
      'X:é' + 'ü'.repeat(80),
    ];
    for (const line of samples) {
      const physicalLines = expectWellFolded(foldContentLine(line), line);
      expect(physicalLines.length).toBeGreaterThan(1);
    }
  });

  it('packs emoji up to the octet limit: 4-octet characters give 72 or 73 octets, never 76+', () => {
    const line = '😀'.repeat(100);
    const octets = foldContentLine(line).split('\r\n').map((l) => encoder.encode(l).length);
    expect(octets.slice(0, -1)).toEqual(octets.slice(0, -1).map((_, index) => (index === 0 ? 72 : 73)));
  });

  it('prefers cuts that keep white space and escapes away from the fold, for sloppy unfolders', () => {
    const line = 'DESCRIPTION:' + 'word, next\\; '.repeat(30);
    const physicalLines = expectWellFolded(foldContentLine(line), line);
    for (const [index, physicalLine] of physicalLines.entries()) {
      const isLast = index === physicalLines.length - 1;
      if (!isLast) expect(physicalLine).not.toMatch(/[ \t\\^]$/);
      if (index > 0) expect(physicalLine).not.toMatch(/^ [ \t]/);
    }
  });

  it('still folds a line that is all spaces, where no safe cut exists', () => {
    const line = 'X:' + ' '.repeat(200);
    expectWellFolded(foldContentLine(line), line);
  });

  it('refuses a logical line that contains CR or LF', () => {
    expect(() => foldContentLine('SUMMARY:a\r\nATTENDEE:mailto:evil@x')).toThrow(RangeError);
    expect(() => foldContentLine('SUMMARY:a\rb')).toThrow(RangeError);
    expect(() => foldContentLine('SUMMARY:a\nb')).toThrow(RangeError);
  });

  it('round-trips any single line of arbitrary Unicode (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePointOrFoldHazard, maxLength: 400, size: 'large' }), (text) => {
        const line = 'X:' + text.replace(/[\r\n]/g, '');
        expectWellFolded(foldContentLine(line), line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unfoldContentLines', () => {
  it('removes CRLF plus exactly one space or tab (RFC 5545 §3.1), keeping further white space', () => {
    expect(unfoldContentLines('SUMMARY:a\r\n b\r\n\tc\r\n  d\r\nEND:VEVENT\r\n')).toEqual([
      'SUMMARY:abc d',
      'END:VEVENT',
    ]);
  });

  it('rejects a bare CR or LF that is not part of a fold', () => {
    expect(() => unfoldContentLines('SUMMARY:a\nATTENDEE:x\r\n')).toThrow(RangeError);
    expect(() => unfoldContentLines('SUMMARY:a\rATTENDEE:x\r\n')).toThrow(RangeError);
  });
});

describe('refoldIcs', () => {
  it('turns character-folded text (as ics 3.12 writes it, with TAB continuations) into octet-folded text', () => {
    const logical = 'DESCRIPTION:' + 'Zürich – Genève 😀'.repeat(10);
    // What ics does: 75 characters, then CRLF + TAB; far over 75 octets.
    const characters = Array.from(logical);
    const characterFolded = [characters.slice(0, 75).join(''), '\t' + characters.slice(75).join('')].join('\r\n');
    expect(encoder.encode(characterFolded.split('\r\n')[0]).length).toBeGreaterThan(75);

    const text = `BEGIN:VCALENDAR\r\n${characterFolded}\r\nEND:VCALENDAR\r\n`;
    const refolded = refoldIcs(text);
    expect(refolded.endsWith('\r\n')).toBe(true);
    expect(unfoldContentLines(refolded)).toEqual(['BEGIN:VCALENDAR', logical, 'END:VCALENDAR']);
    for (const physicalLine of refolded.slice(0, -2).split('\r\n')) {
      expect(encoder.encode(physicalLine).length).toBeLessThanOrEqual(75);
    }
  });

  it('is idempotent', () => {
    const text = refoldIcs('BEGIN:VCALENDAR\r\nSUMMARY:' + '東京 '.repeat(40) + '\r\nEND:VCALENDAR\r\n');
    expect(refoldIcs(text)).toBe(text);
  });
});
