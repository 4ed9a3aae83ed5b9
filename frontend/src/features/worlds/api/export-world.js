/**
 * GET /worlds/<world_id>/export?format=json|markdown|lorebook: the world as a file. Fetched with
 * the session's token (a private world needs it), then saved under the server's file name.
 */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveBlob } from '../../../lib/download';

export const EXPORT_FORMATS = ['json', 'markdown', 'lorebook'];
const FALLBACK_EXTENSIONS = { json: 'json', markdown: 'md', lorebook: 'lorebook.json' };

export async function exportWorld({ worldId, format }) {
  const { blob, filename } = await api.download(`/worlds/${encodeURIComponent(worldId)}/export`, {
    params: { format },
    fallbackName: `world.${FALLBACK_EXTENSIONS[format] ?? 'txt'}`,
  });
  return { blob, filename };
}

export function useExportWorld(options = {}) {
  return useMutation({
    mutationFn: exportWorld,
    ...options,
    onSuccess: (file, ...rest) => {
      saveBlob(file.blob, file.filename);
      options.onSuccess?.(file, ...rest);
    },
  });
}
