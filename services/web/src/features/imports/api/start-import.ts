import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** The mapping file the import reads: which header (as written) holds each field. */
export interface ColumnMapping {
  columns?: Record<string, string>;
  sheet?: string;
  headerRow?: number;
}

export interface ImportInput {
  file: File;
  unitScope: string;
  dryRun: boolean;
  importGoodRows: boolean;
  /** Share of rows with problems (0–1) above which nothing is written; the server's default when absent. */
  maxErrorRate?: number | undefined;
  mapping?: ColumnMapping | undefined;
}

/**
 * The upload as the route reads it (multipart: file, unitScope, dryRun, importGoodRows, maxErrorRate,
 * mapping as JSON), through the typed client so the session's CSRF header goes with it.
 */
async function startImport(input: ImportInput) {
  const form = new FormData();
  form.set('unitScope', input.unitScope);
  form.set('dryRun', String(input.dryRun));
  form.set('importGoodRows', String(input.importGoodRows));
  if (input.maxErrorRate !== undefined) form.set('maxErrorRate', String(input.maxErrorRate));
  if (input.mapping) form.set('mapping', JSON.stringify(input.mapping));
  // The file goes last: the server reads the fields as they come.
  form.set('file', input.file, input.file.name);
  // The document declares no JSON body for this route; the client sends a FormData as it is.
  return unwrap(await api.POST('/v1/imports', { body: form as never }));
}

/** Starts an import (202): the answer names the import to follow. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}
