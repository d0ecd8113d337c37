// Checks a translation against the English catalogue: every key present, no
// extra ones, each message valid ICU with the same placeholders (name and
// kind). Used by the unit test; kept apart so the test can also show it fails.
import { IntlMessageFormat } from 'intl-messageformat';

type AstElement = { type: number; value?: string; options?: Record<string, { value: AstElement[] }>; children?: AstElement[] };

// intl-messageformat's element types that name a value (argument, number, date, time, select, plural, tag).
const KIND: Record<number, string> = { 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural', 8: 'tag' };

/** "count:plural", "name:argument", … for every placeholder in an ICU message; throws if it does not parse. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: AstElement[]) => {
    for (const element of elements) {
      const kind = KIND[element.type];
      if (kind && element.value !== undefined) found.add(`${element.value}:${kind}`);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown as AstElement[]);
  return [...found].sort();
}

/** Every difference between a translation and the source catalogue, as readable lines (empty: none). */
export function catalogueProblems(source: Record<string, string>, translation: Record<string, string>, language: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) {
    if (!(key in translation)) {
      problems.push(`${language}: missing ${key}`);
      continue;
    }
    let expected: string[];
    let actual: string[];
    try {
      expected = placeholdersOf(source[key]!);
      actual = placeholdersOf(translation[key]!);
    } catch (error) {
      problems.push(`${language}: ${key} is not valid ICU (${(error as Error).message})`);
      continue;
    }
    if (expected.join() !== actual.join()) problems.push(`${language}: ${key} has {${actual.join(', ')}}, English has {${expected.join(', ')}}`);
  }
  for (const key of Object.keys(translation)) if (!(key in source)) problems.push(`${language}: ${key} is not in English`);
  return problems;
}
