/**
 * Accepting what the assistant found in a story: a character or place the world already has is
 * linked to the story (POST /stories/<id>/link-entities); a new one is created in the world
 * (POST /worlds/<id>/entities or /locations) with the assistant's description, then linked.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function acceptProposal({ story, kind, item }) {
  let id = kind === 'character' ? item.entity_id : item.location_id;
  if (!id && kind === 'character') {
    id = (await api.post(`/worlds/${encodeURIComponent(story.world_id)}/entities`, {
      name: item.name, entity_type: 'character', description: item.description ?? '',
    })).entity.entity_id;
  } else if (!id) {
    id = (await api.post(`/worlds/${encodeURIComponent(story.world_id)}/locations`, {
      name: item.name, location_type: 'place', description: item.description ?? '',
    })).location.location_id;
  }
  const body = kind === 'character' ? { entity_ids: [id] } : { location_ids: [id] };
  const data = await api.post(`/stories/${encodeURIComponent(story.story_id)}/link-entities`, body);
  return { story: data.story, id };
}

export function useAcceptProposal(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptProposal,
    ...options,
    onSuccess: (result, variables, ...rest) => {
      queryClient.setQueryData(queryRoots.storyDetail(result.story.story_id), result.story);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldEntities(result.story.world_id) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLocations(result.story.world_id) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(result.story.world_id) });
      options.onSuccess?.(result, variables, ...rest);
    },
  });
}
