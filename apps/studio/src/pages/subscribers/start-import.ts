import type { ApiContract, QueryOf, ResponseOf } from '@crieur/api';
import { routePath, splitKey } from '@crieur/api/client-path';
import { uploadRaw, type UploadProgress } from '../../api/client';

type StartImport = ApiContract['POST /api/imports'];

/**
 * POST /api/imports: the file's raw bytes (not JSON), with the upload's progress; the list, the
 * consent source and the dry run go in the query string. Answers at once with the running import.
 */
export const startImport = (
  file: File,
  query: QueryOf<StartImport>,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  uploadRaw<ResponseOf<StartImport>>(
    routePath(splitKey('POST /api/imports').path, undefined, query),
    file,
    'text/csv',
    onProgress,
    signal,
  );
