// GET /api/openapi.json and GET /api/docs (+ its stylesheet): public, like the
// procedures' names the web client already ships; built on first request and
// kept, since the router and the configuration do not change while running.
import type { Request, Response } from 'express';
import type { Config } from '../env';
import { buildOpenApiDocument } from './openapi-document';
import { REFERENCE_PAGE_CSS, renderReferencePage } from './reference-page';

export function apiDescriptionRoutes(config: Pick<Config, 'publicUrl' | 'requestLimits'>) {
  let json: string | undefined;
  let page: string | undefined;
  const document = () => buildOpenApiDocument({ publicUrl: config.publicUrl, requestLimits: config.requestLimits });
  return {
    openApiJson(_request: Request, response: Response) {
      json ??= JSON.stringify(document());
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      // The document names this server's address; let integrators' tools fetch it from anywhere.
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.send(json);
    },
    referencePage(_request: Request, response: Response) {
      page ??= renderReferencePage(document());
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.send(page);
    },
    stylesheet(_request: Request, response: Response) {
      response.setHeader('Content-Type', 'text/css; charset=utf-8');
      response.setHeader('Cache-Control', 'public, max-age=3600');
      response.send(REFERENCE_PAGE_CSS);
    },
  };
}
