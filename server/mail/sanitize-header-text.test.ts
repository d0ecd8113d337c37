import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';
import { sanitizeHeaderText, truncateText } from './sanitize-header-text';

describe('sanitizeHeaderText', () => {
  it.each([
    ['CRLF, CR and LF', 'a\r\nb\rc\nd', 'a b c d'],
    ['Unicode line and paragraph separators and NEL', 'a\u2028b\u2029c\u0085d', 'a b c d'],
    ['tabs and runs of spaces', ' a\t\tb   c ', 'a b c'],
    ['C0 controls and DEL', 'a\u0000b\u0007c\u007Fd', 'abcd'],
    ['bidi overrides and isolates', 'invoice\u202Efdp.exe\u2066x\u2069', 'invoicefdp.exex'],
    ['a lone surrogate', 'broken \uD83D text', 'broken \uFFFD text'],
  ])('makes %s safe for one header line', (_label, input, expected) => {
    expect(sanitizeHeaderText(input)).toBe(expected);
    expect(sanitizeHeaderText(input)).not.toMatch(/[\r\n]/);
  });

  it('keeps accents, dashes and emoji', () => {
    expect(sanitizeHeaderText('Zürich – Genève 🎙️')).toBe('Zürich – Genève 🎙️');
  });

  it('cuts long text with an ellipsis', () => {
    expect(sanitizeHeaderText('x'.repeat(500))).toHaveLength(200);
    expect(sanitizeHeaderText('abcdef', 4)).toBe('abc…');
  });
});

describe('truncateText', () => {
  it('never splits a surrogate pair', () => {
    const text = `ab${'🎙'.repeat(5)}`;
    for (let maxLength = 1; maxLength <= text.length; maxLength += 1) {
      const cut = truncateText(text, maxLength);
      expect(cut.length).toBeLessThanOrEqual(maxLength);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
    expect(truncateText(text, text.length)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
