// The readable API reference at /api/docs: one HTML page rendered on the
// server from the OpenAPI document (the same object /api/openapi.json sends),
// with a stylesheet beside it. Swagger UI, Redoc and Scalar all inject inline
// styles (and Swagger UI's bootstrap an inline script), which our
// Content-Security-Policy (style-src 'self', script-src 'self') refuses; a
// page with no script at all needs no exception to it.
import { escapeHtml } from '../mail/escape-html';
import { renderMarkdown } from '../releases/render-markdown';
import type { OpenApiDocument } from './openapi-document';

type JsonSchema = Record<string, any>;
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  'x-access': string;
  /** Procedures only; the plain routes (server/api-description/plain-routes.ts) have none. */
  'x-trpc-type'?: 'query' | 'mutation';
  parameters?: { name: string; in: string; required: boolean; description?: string }[];
  requestBody?: { required: boolean };
}

const ACCESS_LABEL: Record<string, string> = { public: 'public', staff: 'staff', press_officer: 'press officer', admin: 'admin', metrics_token: 'metrics token' };

/** The whole page; deterministic for one document, so callers may keep it. */
export function renderReferencePage(document: OpenApiDocument): string {
  const base = document.servers[0]?.url ?? '';
  const byTag = new Map<string, { method: string; path: string; operation: Operation }[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      const tag = operation.tags[0]!;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, operation });
    }
  }
  const schemaOf = (operation: Operation) => document.components.schemas[`${operation.operationId}.input`] as JsonSchema | undefined;
  const sections = [...byTag].map(
    ([tag, operations]) => `<section aria-labelledby="tag-${escapeHtml(tag)}">
<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>
${operations.map(({ method, path, operation }) => (operation['x-trpc-type'] ? renderOperation(base, path, operation, schemaOf(operation)) : renderPlainRoute(method, path, operation))).join('\n')}
</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview Desk API reference</title>
<link rel="stylesheet" href="/api/docs.css">
</head>
<body>
<header>
<h1>Interview Desk API</h1>
<p>Version ${escapeHtml(document.info.version)} · ${Object.keys(document.paths).filter((path) => path.startsWith('/trpc/')).length} procedures · <a href="/api/openapi.json">OpenAPI 3.1 document</a></p>
</header>
<nav aria-label="Procedures by area"><ul>${[...byTag.keys()].map((tag) => `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`).join('')}</ul></nav>
<main>
<section aria-label="Conventions" class="conventions">${renderMarkdown(document.info.description)}</section>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function renderOperation(base: string, path: string, operation: Operation, schema: JsonSchema | undefined): string {
  const query = operation['x-trpc-type'] === 'query';
  const access = operation['x-access'];
  const signedIn = access !== 'public';
  const example = schema ? JSON.stringify(exampleOf(schema)) : undefined;
  const cookie = signedIn ? ' -b cookies.txt' : '';
  const curl = query
    ? `curl -s${cookie} ${example ? `-G ${base}${path} --data-urlencode ${shellQuote(`input=${example}`)}` : `${base}${path}`}`
    : `curl -s${cookie} -X POST ${example ? `-H 'content-type: application/json' -d ${shellQuote(example)} ` : ''}${base}${path}`;
  const required = (operation.parameters?.[0] ?? operation.requestBody)?.required;
  return `<article id="${escapeHtml(operation.operationId)}">
<h3><span class="method ${query ? 'get' : 'post'}">${query ? 'GET' : 'POST'}</span> <code>${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(operation.summary)}</strong> · <span class="access ${escapeHtml(access)}">${escapeHtml(ACCESS_LABEL[access] ?? access)}</span> · ${escapeHtml(operation.description.replace(/^tRPC \w+ `[^`]+`\. /, ''))}</p>
${schema ? `<p>Input${required ? '' : ' (optional)'}:</p>\n${renderFields(schema)}` : '<p>No input.</p>'}
<pre><code>${escapeHtml(curl)}</code></pre>
</article>`;
}

function renderPlainRoute(method: string, path: string, operation: Operation): string {
  const access = operation['x-access'];
  const parameters = operation.parameters ?? [];
  const rows = parameters.map(
    (parameter) =>
      `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required ? '' : ' <span class="optional">optional</span>'}</td><td>${escapeHtml(parameter.in)}</td><td>${escapeHtml(parameter.description ?? '')}</td></tr>`,
  );
  return `<article id="${escapeHtml(operation.operationId)}">
<h3><span class="method ${method === 'get' ? 'get' : 'post'}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(operation.summary)}</strong> · <span class="access">${escapeHtml(ACCESS_LABEL[access] ?? access)}</span> · ${escapeHtml(operation.description)}</p>
${rows.length ? `<div class="table"><table><thead><tr><th scope="col">parameter</th><th scope="col">in</th><th scope="col">meaning</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>` : ''}
</article>`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  rules: string[];
  description: string;
}

function renderFields(schema: JsonSchema): string {
  const rows: FieldRow[] = [];
  collectFields(schema, '', rows);
  if (rows.length === 0) return `<p>${escapeHtml(typeOf(schema))}${rulesOf(schema).length ? ` (${escapeHtml(rulesOf(schema).join('; '))})` : ''}</p>`;
  const body = rows
    .map(
      (row) =>
        `<tr><td><code>${escapeHtml(row.name)}</code>${row.required ? '' : ' <span class="optional">optional</span>'}</td><td>${escapeHtml(row.type)}</td><td>${escapeHtml([row.description, row.rules.length ? `(${row.rules.join('; ')})` : ''].filter(Boolean).join(' '))}</td></tr>`,
    )
    .join('\n');
  return `<div class="table"><table><thead><tr><th scope="col">field</th><th scope="col">type</th><th scope="col">rules</th></tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

/** Without a null variant, the schema a nullable field holds; otherwise the schema itself. */
function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!variants) return { schema, nullable: false };
  const others = variants.filter((variant) => variant.type !== 'null');
  if (others.length === 1 && others.length < variants.length) return { schema: { ...others[0], description: schema.description ?? others[0]!.description, default: schema.default }, nullable: true };
  return { schema, nullable: false };
}

/** Object fields as dotted rows (array items as `name[]`); alternatives of objects each add their own. */
function collectFields(schema: JsonSchema, prefix: string, rows: FieldRow[]): void {
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants?.every((variant) => variant.type === 'object')) {
    variants.forEach((variant, index) => {
      const first = rows.length;
      collectFields(variant, prefix, rows);
      for (const row of rows.slice(first)) row.description = [`form ${index + 1} of ${variants.length}`, row.description].filter(Boolean).join(': ');
    });
    return;
  }
  if (schema.allOf) {
    for (const part of schema.allOf as JsonSchema[]) collectFields(part, prefix, rows);
    return;
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [key, raw] of Object.entries(properties)) {
    const { schema: field, nullable } = withoutNull(raw);
    const name = prefix + key;
    rows.push({ name, type: typeOf(field) + (nullable ? ' | null' : ''), required: required.has(key), rules: rulesOf(field), description: field.description ?? '' });
    if (field.type === 'object' && field.properties) collectFields(field, `${name}.`, rows);
    if (field.type === 'array' && field.items?.type === 'object') collectFields(field.items, `${name}[].`, rows);
  }
}

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value: unknown) => JSON.stringify(value)).join(' | ');
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeOf).join(' | ');
  if (schema.type === 'array') return `array of ${schema.items ? typeOf(schema.items) : 'anything'}`;
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') return `map of string to ${typeOf(schema.additionalProperties)}`;
  if (typeof schema.type === 'string') return schema.type;
  return 'any';
}

function rulesOf(schema: JsonSchema): string[] {
  const rules: string[] = [];
  const range = (low: unknown, high: unknown, unit: string) => {
    if (low !== undefined && high !== undefined) rules.push(`${low}–${high}${unit}`);
    else if (low !== undefined) rules.push(`at least ${low}${unit}`);
    else if (high !== undefined) rules.push(`at most ${high}${unit}`);
  };
  range(schema.minLength, schema.maxLength, ' characters');
  range(schema.minimum, schema.maximum, '');
  range(schema.minItems, schema.maxItems, ' items');
  if (schema.format) rules.push(`format ${schema.format}`);
  if (schema.pattern) rules.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}

/** A small input that has the right shape (required fields only), for the curl line. */
function exampleOf(schema: JsonSchema, key = ''): unknown {
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return exampleOf(variants.find((variant) => variant.type !== 'null') ?? variants[0]!, key);
  if (schema.allOf) return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((part) => exampleOf(part, key)));
  const description = String(schema.description ?? '');
  switch (schema.type) {
    case 'object': {
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, exampleOf(schema.properties?.[name] ?? {}, name)]));
    }
    case 'array':
      return schema.minItems ? [exampleOf(schema.items ?? {})] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      // A window's end a day after its start.
      if (description.startsWith('An instant')) return /^(to|end)/.test(key) ? '2027-03-23T14:00:00Z' : '2027-03-22T14:00:00Z';
      if (description.startsWith('A calendar date')) return '2027-03-22';
      if (description.startsWith('An IANA time zone')) return 'Europe/Zurich';
      if (description.startsWith('A wall-clock time')) return '09:00';
      if (description.startsWith('A BCP 47')) return 'en';
      if (schema.format === 'email') return 'name@example.org';
      return '…';
    default:
      return null;
  }
}

/** The page's stylesheet (served at /api/docs.css: the CSP allows only our own style sheets). */
export const REFERENCE_PAGE_CSS = `:root { color-scheme: light dark; --line: #8884; --muted: #666; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; }
h1 { margin: 0 0 .25rem; } h2 { border-bottom: 1px solid var(--line); margin-top: 2.5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .25rem; overflow-wrap: anywhere; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; }
code, pre { font: 14px/1.4 ui-monospace, monospace; }
pre { background: #8881; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.method { border-radius: 3px; color: #fff; display: inline-block; font-size: .8rem; min-width: 3rem; padding: 0 .4rem; text-align: center; }
.method.get { background: #1d5e2e; } .method.post { background: #1f4f8f; }
.access { border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; }
.optional { color: var(--muted); font-size: .85rem; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; } }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
`;
