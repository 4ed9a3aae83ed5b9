/**
 * POST /stories/<story_id>/link-entities {entity_ids?, location_ids?, names?, create_missing?}:
 * adds characters and places to a story, by id or by name/alias (no case or diacritics needed);
 * with create_missing, an unknown name becomes a new character. Answers the story, the
 * characters created and the names left unresolved.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function linkEntities({ storyId, entityIds, locationIds, names, createMissing }) {
  const body = {};
  if (entityIds?.length) body.entity_ids = entityIds;
  if (locationIds?.length) body.location_ids = locationIds;
  if (names?.length) body.names = names;
  if (createMissing) body.create_missing = true;
  const data = await api.post(`/stories/${encodeURIComponent(storyId)}/link-entities`, body);
  return { story: data.story, created: data.created?.entities ?? [], unresolved: data.unresolved ?? [] };
}

export function useLinkEntities(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: linkEntities,
    ...options,
    onSuccess: (result, ...rest) => {
      queryClient.setQueryData(queryRoots.storyDetail(result.story.story_id), result.story);
      if (result.created.length) {
        queryClient.invalidateQueries({ queryKey: queryRoots.worldEntities(result.story.world_id) });
        queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(result.story.world_id) });
      }
      options.onSuccess?.(result, ...rest);
    },
  });
}
