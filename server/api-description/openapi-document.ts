// The API description: an OpenAPI 3.1 document made from the router itself.
//
// Every procedure of appRouter becomes one operation at its real address
// (`GET /trpc/<path>?input=…` for queries, `POST /trpc/<path>` for mutations),
// its input schema converted from the very zod schema the procedure validates
// with (zod's own z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1
// uses), and who may call it read from the procedure's meta (server/trpc.ts).
// Nothing is listed by hand: a procedure added to the router appears here.
//
// Why not trpc-to-openapi: it publishes procedures at REST addresses of its
// own (it needs an `openapi` meta and an output schema on each, and its own
// adapter to serve them); we describe the tRPC addresses clients already use.
// Outputs have no zod schema (procedures return what their domain function
// returns), so answers are described by their envelope; README "API" shows them.
import { z } from 'zod';
import { appRouter } from '../routers/_app';
import type { ProcedureAccess, ProcedureMeta } from '../trpc';
import { appErrorCodes } from '../errors';
import { SESSION_COOKIE } from '../auth/sessions';
import { appVersion } from '../version';
import { plainRoutes } from './plain-routes';
import { IP_RULE, PAIR_RULE } from '../auth/login-throttle';

type JsonSchema = Record<string, unknown>;

interface RouterProcedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[]; meta?: ProcedureMeta };
}

export interface ProcedureDescription {
  path: string;
  type: 'query' | 'mutation';
  access: ProcedureAccess;
  /** The input's JSON Schema; undefined when the procedure takes none. */
  input: JsonSchema | undefined;
  inputRequired: boolean;
}

/** Who may call a procedure, in words (shown in the document and the reference page). */
export const ACCESS_TEXT: Record<ProcedureAccess, string> = {
  public: 'Anyone; no sign-in.',
  staff: 'Any signed-in staff member (the session cookie from auth.login).',
  press_officer: 'Press officers and admins (the session cookie from auth.login).',
  admin: 'Admins only (the session cookie from auth.login).',
};

/** The router's procedures with their input schemas, in the router's order. */
export function describeProcedures(): ProcedureDescription[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, RouterProcedure>;
  const described: ProcedureDescription[] = [];
  for (const [path, procedure] of Object.entries(procedures)) {
    const { type, inputs, meta } = procedure._def;
    if (type === 'subscription') continue;
    // A procedure built without the bases of server/trpc.ts would carry no access: a bug, not a guess.
    if (!meta?.access) throw new Error(`Procedure ${path} was not built from publicProcedure, staffProcedure, pressOfficerProcedure or adminProcedure`);
    // Several .input() calls merge their objects; the input must satisfy all of them.
    const schema = inputs.length === 0 ? undefined : inputs.length === 1 ? inputs[0]! : inputs.reduce((all, next) => z.intersection(all, next));
    described.push({
      path,
      type,
      access: meta.access,
      input: schema && toJsonSchema(schema, path),
      inputRequired: schema !== undefined && !schema.safeParse(undefined).success,
    });
  }
  return described;
}

function toJsonSchema(schema: z.ZodType, path: string): JsonSchema {
  // io: 'input' describes what a client sends (before transforms); refinements
  // and transforms JSON Schema cannot express are left to the server's check.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  // A recursive schema comes with local "#/$defs/…" references: an $id makes them resolve within it, not the document.
  if ('$defs' in json) json.$id = `urn:interview-desk:input:${path}`;
  return json;
}

/** "spokespeople.setAvailability" → "Set availability". */
export function summaryOf(path: string): string {
  const words = path.slice(path.lastIndexOf('.') + 1).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message', 'data'],
      properties: {
        message: { type: 'string', description: 'For people.' },
        code: { type: 'integer', description: 'JSON-RPC code (tRPC answers only).' },
        data: {
          type: 'object',
          required: ['appCode', 'httpStatus'],
          properties: {
            appCode: { type: 'string', enum: Object.keys(appErrorCodes), description: 'The machine-readable code.' },
            httpStatus: { type: 'integer' },
            code: { type: 'string', description: "tRPC's name for the status, e.g. BAD_REQUEST (tRPC answers only)." },
            path: { type: 'string', description: 'The procedure called.' },
            details: { type: 'object', description: 'Extra facts, e.g. {"retryAfterSeconds": 60} with RATE_LIMITED.' },
            fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'VALIDATION_FAILED: messages by dotted input path.' },
            formErrors: { type: 'array', items: { type: 'string' }, description: 'VALIDATION_FAILED: messages about the input as a whole.' },
          },
        },
      },
    },
  },
};

const errorResponses: Record<string, { description: string }> = {
  BadRequest: { description: 'VALIDATION_FAILED: the input is not valid (`data.fieldErrors` names the fields).' },
  Unauthenticated: { description: 'UNAUTHENTICATED: no live staff session.' },
  Forbidden: { description: "FORBIDDEN (the session's role may not do this) or ORIGIN_REJECTED (a mutation sent from another site)." },
  OriginRejected: { description: 'ORIGIN_REJECTED: a mutation whose Origin header names another site.' },
  UnsupportedMediaType: { description: 'VALIDATION_FAILED: a POST body that is not JSON.' },
  Unavailable: { description: 'UNAVAILABLE: the database is unreachable; try again after `Retry-After` seconds.' },
  Error: { description: 'Any other error in the same shape: NOT_FOUND (404), CONFLICT, SLOT_TAKEN, INVALID_TRANSITION, EXTERNAL_CONFLICT (409), RATE_LIMITED (429, the wait in `data.details.retryAfterSeconds`), INTERNAL (500).' },
};

function conventions(options: { requestLimits: { perIpPerHour: number; perEmailPerHour: number } }): string {
  return `The Interview Desk API is [tRPC](https://trpc.io) over plain JSON (no data transformer): any HTTP client can call it.

**Calling.** A query is \`GET /trpc/<procedure>?input=<url-encoded JSON>\` (no \`input\` when it takes none); a mutation is \`POST /trpc/<procedure>\` with the input as a JSON body and \`Content-Type: application/json\` (no body when it takes none). Instants are ISO 8601 strings with an offset, zones IANA names, dates \`YYYY-MM-DD\`. Bodies up to 5 MB. tRPC's batch form (\`/trpc/a,b?batch=1\`) is accepted too.

**Answers.** \`{"result":{"data":<answer>}}\` with HTTP 200. Every \`/trpc\` answer is \`Cache-Control: no-store\` and carries an \`X-Request-Id\` that the server's log lines name.

**Errors.** \`{"error":{"message":…,"code":…,"data":{"appCode":…,"httpStatus":…,"path":…}}}\` with the HTTP status of \`data.appCode\`: ${Object.entries(appErrorCodes)
    .map(([code, status]) => `\`${code}\` ${status}`)
    .join(', ')}. \`VALIDATION_FAILED\` adds \`data.fieldErrors\` (messages by dotted input path) and \`data.formErrors\`.

**Signing in.** Staff call \`auth.login\` with \`{"email","password"}\`; the answer sets the \`${SESSION_COOKIE}\` cookie (httpOnly, SameSite=Lax, Secure when the server's address is https), which later calls send back; \`auth.logout\` ends it. Each operation says who may call it (\`x-access\`: public, staff, press_officer, admin).

**Cross-site requests.** A mutation whose \`Origin\` header names another site is refused (403 \`ORIGIN_REJECTED\`); calls without \`Origin\` (curl, servers) are accepted. There is no CSRF token.

**Limits.** \`auth.login\`: ${PAIR_RULE.freeAttempts} free tries per address and IP and ${IP_RULE.freeAttempts} per IP, then waits that double from ${PAIR_RULE.firstDelayMs / 1000} s up to ${PAIR_RULE.maxDelayMs / 3_600_000} h. \`requests.create\`: ${options.requestLimits.perIpPerHour} an hour per IP and ${options.requestLimits.perEmailPerHour} per reporter address. Both answer 429 \`RATE_LIMITED\` with the wait in \`data.details.retryAfterSeconds\` and in a \`Retry-After\` header. While the database is unreachable every call answers 503 \`UNAVAILABLE\` with \`Retry-After\`.

**Answers' shapes** are not part of this document (procedures return what their domain functions build); the README's "API" section shows each with an example.`;
}

/**
 * The OpenAPI 3.1 document for this server (its public address, version and limits).
 * Deterministic for one router and configuration, so callers may keep it.
 */
export function buildOpenApiDocument(options: { publicUrl: string; requestLimits: { perIpPerHour: number; perEmailPerHour: number } }) {
  const procedures = describeProcedures();
  const schemas: Record<string, JsonSchema> = { Error: errorSchema, Result: resultSchema };
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Map<string, string>();
  for (const procedure of procedures) {
    const tag = procedure.path.split('.')[0]!;
    tags.set(tag, tag);
    const inputName = `${procedure.path}.input`;
    if (procedure.input) schemas[inputName] = procedure.input;
    const inputRef = { $ref: `#/components/schemas/${inputName}` };
    const signedIn = procedure.access !== 'public';
    const responses: Record<string, unknown> = {
      '200': { description: 'The answer, in tRPC\'s envelope.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Result' } } } },
      '400': { $ref: '#/components/responses/BadRequest' },
    };
    if (signedIn) {
      responses['401'] = { $ref: '#/components/responses/Unauthenticated' };
      responses['403'] = { $ref: '#/components/responses/Forbidden' };
    } else if (procedure.type === 'mutation') {
      responses['403'] = { $ref: '#/components/responses/OriginRejected' };
    }
    if (procedure.type === 'mutation') responses['415'] = { $ref: '#/components/responses/UnsupportedMediaType' };
    responses['503'] = { $ref: '#/components/responses/Unavailable' };
    responses.default = { $ref: '#/components/responses/Error' };
    const operation: Record<string, unknown> = {
      operationId: procedure.path,
      summary: summaryOf(procedure.path),
      description: `tRPC ${procedure.type} \`${procedure.path}\`. ${ACCESS_TEXT[procedure.access]}`,
      tags: [tag],
      security: signedIn ? [{ session: [] }] : [],
      'x-access': procedure.access,
      'x-trpc-type': procedure.type,
      responses,
    };
    if (procedure.input && procedure.type === 'query') {
      // OpenAPI's way to say "this query parameter is JSON text of this schema".
      operation.parameters = [{ name: 'input', in: 'query', required: procedure.inputRequired, description: 'The input as JSON text, URL-encoded.', content: { 'application/json': { schema: inputRef } } }];
    }
    if (procedure.input && procedure.type === 'mutation') {
      operation.requestBody = { required: procedure.inputRequired, content: { 'application/json': { schema: inputRef } } };
    }
    paths[`/trpc/${procedure.path}`] = { [procedure.type === 'query' ? 'get' : 'post']: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Interview Desk API', version: appVersion, description: conventions(options) },
    servers: [{ url: options.publicUrl }],
    tags: [...tags.keys(), 'plain routes'].map((name) => ({ name })),
    paths: { ...paths, ...plainRoutes },
    components: {
      schemas,
      responses: Object.fromEntries(
        Object.entries(errorResponses).map(([name, response]) => [name, { description: response.description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The staff session cookie set by auth.login.' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, for /metrics only.' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const resultSchema: JsonSchema = {
  type: 'object',
  required: ['result'],
  properties: {
    result: {
      type: 'object',
      properties: { data: { description: "The procedure's answer (absent when it returns nothing)." } },
    },
  },
};
