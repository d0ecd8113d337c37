// The one place the console calls the media list's import procedures. Their
// shape is about to change (imports in chunks with progress): pages call
// these functions, so that change is made here and nowhere else.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { useTRPCClient } from '../../api/query';

type Inputs = inferRouterInputs<AppRouter>['contacts'];
type Outputs = inferRouterOutputs<AppRouter>['contacts'];
export type CsvPreview = Outputs['previewCsv'];
export type ImportReport = Outputs['importVCard'];
export type ColumnMapping = NonNullable<Inputs['importCsv']['mapping']>;
export type ContactField = CsvPreview['fields'][number];

/** Progress of a running import, for a progress bar: rows done of rows in all. */
export type ImportProgress = { done: number; total: number };

export interface CsvImportOptions {
  csv: string;
  mapping: ColumnMapping;
  defaultCountry?: string;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface VCardImportOptions {
  vcf: string;
  defaultCountry?: string;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export function useImportApi() {
  const client = useTRPCClient();
  return {
    /** Header, detected delimiter, suggested mapping and the first rows as mapped. Writes nothing. */
    previewCsv: (csv: string) => client.contacts.previewCsv.mutate({ csv, sampleRows: 5 }),
    /** The per-row report; with dryRun, what would happen, nothing written. */
    importCsv: async ({ onProgress, ...input }: CsvImportOptions): Promise<ImportReport> => {
      const report = await client.contacts.importCsv.mutate(input);
      onProgress?.({ done: report.rows.length, total: report.rows.length });
      return report;
    },
    importVCard: async ({ onProgress, ...input }: VCardImportOptions): Promise<ImportReport> => {
      const report = await client.contacts.importVCard.mutate(input);
      onProgress?.({ done: report.rows.length, total: report.rows.length });
      return report;
    },
  };
}
