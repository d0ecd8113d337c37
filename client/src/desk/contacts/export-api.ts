// The one place the console calls the exports (list as CSV or vCard, one
// person's data). They are queries that write an audit event today and are
// about to become mutations: pages call these functions, so that change is
// made here only.
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
      const file = await client.contacts.exportCsv.query(filters);
      return { filename: file.filename, contentType: file.contentType, count: file.count, text: file.csv };
    },
    exportVCard: async (filters: ExportFilters): Promise<ExportedFile> => {
      const file = await client.contacts.exportVCard.query(filters);
      return { filename: file.filename, contentType: file.contentType, count: file.count, text: file.vcf };
    },
    /** Everything held about one person, as a JSON file named after them. */
    exportPersonalData: async (id: string, name: string): Promise<ExportedFile> => {
      const data = await client.contacts.exportPersonalData.query({ id });
      const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'contact';
      return { filename: `personal-data-${slug}.json`, contentType: 'application/json', count: 1, text: `${JSON.stringify(data, null, 2)}\n` };
    },
  };
}
