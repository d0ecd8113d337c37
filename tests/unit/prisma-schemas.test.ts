// The per-provider schemas are generated from prisma/schema.template.prisma;
// this fails when someone edits the template without `npm run db:schema`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { providers, renderSchema, schemaPath } from '../../scripts/prisma-schemas.mjs';

describe('generated Prisma schemas', () => {
  it.each(Object.keys(providers as Record<string, string>))('prisma/%s/schema.prisma is up to date with the template', (folder) => {
    expect(readFileSync(schemaPath(folder), 'utf8'), 'run `npm run db:schema`').toBe(renderSchema(folder));
  });
});
