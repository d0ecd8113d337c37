// Human messages for zod's built-in checks, configured once for the whole
// server. zod's defaults ("Invalid input: expected string, received
// undefined", "Too big: expected string to have <=200 characters") are for
// developers; these answers reach the people filling in a form, next to the
// field (data.fieldErrors). A schema's own message always wins.
import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

type Issue = z.core.$ZodRawIssue;

function describeIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is required';
      return `Expected ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'This cannot be empty' : `Use at least ${minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${minimum} ${minimum === 1 ? 'item' : 'items'}`;
      return issue.inclusive === false ? `Use a number above ${minimum}` : `Use ${minimum} or more`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${maximum} ${maximum === 1 ? 'item' : 'items'}`;
      return issue.inclusive === false ? `Use a number below ${maximum}` : `Use ${maximum} or less`;
    }
    case 'invalid_value':
      return `Use one of ${issue.values.map((value: unknown) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'This value has none of the accepted forms';
    default:
      return undefined;
  }
}

z.config({ customError: describeIssue });
