// The plain HTTP routes beside /trpc (server/app.ts), for the OpenAPI
// document. They have no zod input to derive from, so they are written here:
// a route added to app.ts for integrators belongs in this list too.
import { MAX_ATTACHMENT_BYTES, acceptedAttachmentTypes } from '../releases/attachments';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const pathParameter = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

export const plainRoutes: Record<string, Record<string, Record<string, unknown>>> = {
  '/healthz': {
    get: {
      operationId: 'healthz',
      summary: 'Health',
      tags: ['plain routes'],
      description: 'Database reachable, schema version, app version. Anyone.',
      'x-access': 'public',
      security: [],
      responses: {
        '200': { description: '`{"status":"ok","version","database":{"provider","reachable":true,"schemaVersion","pendingMigrations","latencyMs"}}`', content: { 'application/json': { schema: { type: 'object' } } } },
        '503': { description: 'The database is unreachable (`status: "database_unreachable"`), with `Retry-After`.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  },
  '/feeds/{token}.ics': {
    get: {
      operationId: 'feeds.subscribe',
      summary: 'Calendar feed',
      tags: ['plain routes'],
      description: 'An iCalendar subscription feed; the secret token in the address is the only credential (feeds.status and feeds.rotate give it).',
      'x-access': 'public',
      security: [],
      parameters: [pathParameter('token', 'The feed secret.')],
      responses: { '200': { description: 'The feed.', content: { 'text/calendar': { schema: { type: 'string' } } } }, '404': error('No feed at this address (it may have been rotated).') },
    },
  },
  '/invites/{uid}.ics': {
    get: {
      operationId: 'invites.download',
      summary: 'Invite download',
      tags: ['plain routes'],
      description: "The current version of an interview's invite: for the reporter with their manage token, or for staff with the session cookie. A wrong token and an unknown UID answer the same 404.",
      'x-access': 'public',
      security: [{}, { session: [] }],
      parameters: [pathParameter('uid', "The invite's UID."), { name: 'token', in: 'query', required: false, description: "The reporter's manage token.", schema: { type: 'string' } }],
      responses: { '200': { description: 'The invite (METHOD:REQUEST, or CANCEL once cancelled).', content: { 'text/calendar': { schema: { type: 'string' } } } }, '404': error('No invite matches this link.') },
    },
  },
  '/releases/{id}/attachments': {
    post: {
      operationId: 'releases.attachments.upload',
      summary: 'Attach a file to a release',
      tags: ['plain routes'],
      description: `The file as the raw body; refused unless its first bytes match its type. At most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Press officers and admins; Origin checked like mutations.`,
      'x-access': 'press_officer',
      security: [{ session: [] }],
      parameters: [pathParameter('id', 'The release id.'), { name: 'name', in: 'query', required: true, description: 'The file name to show.', schema: { type: 'string' } }],
      requestBody: { required: true, content: Object.fromEntries(acceptedAttachmentTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) },
      responses: {
        '201': { description: '`{ id, fileName, contentType, sizeBytes }`', content: { 'application/json': { schema: { type: 'object' } } } },
        default: error('VALIDATION_FAILED (type, size, content), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.'),
      },
    },
  },
  '/attachments/{id}': {
    delete: {
      operationId: 'attachments.delete',
      summary: 'Remove an attachment',
      tags: ['plain routes'],
      description: 'Press officers and admins; Origin checked like mutations.',
      'x-access': 'press_officer',
      security: [{ session: [] }],
      parameters: [pathParameter('id', 'The attachment id.')],
      responses: { '204': { description: 'Removed.' }, default: error('UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.') },
    },
  },
  '/attachments/{id}/{name}': {
    get: {
      operationId: 'attachments.download',
      summary: 'Download an attachment',
      tags: ['plain routes'],
      description: "Anyone once the release is public; under embargo the preview link's holder (`preview` token) and staff.",
      'x-access': 'public',
      security: [],
      parameters: [pathParameter('id', 'The attachment id.'), pathParameter('name', 'Its file name.'), { name: 'preview', in: 'query', required: false, description: "The release's preview token.", schema: { type: 'string' } }],
      responses: { '200': { description: 'The file, with `Content-Security-Policy: sandbox`.' }, '404': error('No such attachment (or not public yet).') },
    },
  },
  '/metrics': {
    get: {
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      tags: ['plain routes'],
      description: 'Prometheus text format. Exists only when the server has METRICS_TOKEN (404 otherwise); 401 without the right bearer token.',
      'x-access': 'metrics_token',
      security: [{ metricsToken: [] }],
      responses: { '200': { description: 'The metrics.', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': error('Missing or wrong token.'), '404': error('No METRICS_TOKEN set.') },
    },
  },
};
