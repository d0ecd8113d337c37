// The one place the console calls the exports (list as CSV or vCard, one
// person's data). They are mutations: each writes an audit event, so they are
// Origin-checked POSTs that no cache may answer.
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { useTRPCClient } from '../../api/query';

export type ExportFilters = inferRouterInputs<AppRouter>['contacts']['exportCsv'];

export interface ExportedFile {
  filename: string;
  contentType: string;
  count: number;
  text: string;
}

export function useExportApi() {
  const client = useTRPCClient();
  return {
    exportCsv: async (filters: ExportFilters): Promise<ExportedFile> => {
      const file = await client.contacts.exportCsv.mutate(filters);
      return { filename: file.filename, contentType: file.contentType, count: file.count, text: file.csv };
    },
    exportVCard: async (filters: ExportFilters): Promise<ExportedFile> => {
      const file = await client.contacts.exportVCard.mutate(filters);
      return { filename: file.filename, contentType: file.contentType, count: file.count, text: file.vcf };
    },
    /** Everything held about one person, as a JSON file named after them. */
    exportPersonalData: async (id: string, name: string): Promise<ExportedFile> => {
      const data = await client.contacts.exportPersonalData.mutate({ id });
      const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'contact';
      return { filename: `personal-data-${slug}.json`, contentType: 'application/json', count: 1, text: `${JSON.stringify(data, null, 2)}\n` };
    },
  };
}
