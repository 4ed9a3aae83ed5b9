/**
 * GET /worlds/<world_id>/export?format=json|markdown|lorebook|card|card_png[&entity_id=]: the
 * world (or one character, as a card) as a file. Fetched with the session's token (a private world
 * needs it), then saved under the server's file name.
 */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveBlob } from '../../../lib/download';

export const EXPORT_FORMATS = ['json', 'markdown', 'lorebook'];
export const CARD_FORMATS = ['card', 'card_png'];
const FALLBACK_EXTENSIONS = { json: 'json', markdown: 'md', lorebook: 'lorebook.json', card: 'card.json', card_png: 'png' };

export async function exportWorld({ worldId, format, entityId }) {
  const { blob, filename } = await api.download(`/worlds/${encodeURIComponent(worldId)}/export`, {
    params: entityId ? { format, entity_id: entityId } : { format },
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
