import type { QueryClient } from '@tanstack/react-query';
import type { ApiContract, Media, QueryOf, ResponseOf } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { uploadRaw, type UploadProgress } from '../../../api/client';
import { queryKeyOf } from '../../../api/queries';

type Upload = ApiContract['POST /api/media'];

/** What sends one image to the media library; the dialog takes another one in its tests. */
export type UploadImage = (
  file: File,
  query: QueryOf<Upload>,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) => Promise<Media>;

/** POST /api/media: the file's bytes as the body (XHR, for the progress bar), alt text and caption in the query. */
export const uploadImage: UploadImage = async (file, query, onProgress, signal) =>
  (await uploadRaw<ResponseOf<Upload>>(routePath('/api/media', undefined, query), file, file.type, onProgress, signal))
    .media;

/** The new image heads the media library at once (the cover picker, the library dialog). */
export function addToLibrary(client: QueryClient, item: Media): void {
  client.setQueryData<ResponseOf<ApiContract['GET /api/media']>>(queryKeyOf('GET /api/media'), (current) =>
    current ? { media: [item, ...current.media.filter((m) => m.id !== item.id)] } : current,
  );
}
