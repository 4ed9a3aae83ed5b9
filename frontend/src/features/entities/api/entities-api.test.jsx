import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { act, waitFor } from '@testing-library/react';
import { API, ok, server } from '../../../test/server';
import { makeEntity, page } from '../../../test/fixtures';
import { renderApiHook } from '../../../test/hooks';
import { queryRoots } from '../../../lib/query-keys';
import { getEntities, useAllEntities } from './get-entities';
import { entityQueryKey } from './get-entity';
import { useUpdateEntity } from './update-entity';
import { useDeleteEntity } from './delete-entity';
import { useCreateEntity } from './create-entity';

describe('entities api', () => {
  it('sends q, type and paging as the API names them', async () => {
    let url;
    server.use(http.get(`${API}/worlds/w1/entities`, ({ request }) => { url = new URL(request.url); return ok(page([])); }));
    await getEntities('w1', { page: 2, pageSize: 5, q: '  uc trai ', type: 'faction' });
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: '2', page_size: '5', q: 'uc trai', entity_type: 'faction' });
  });

  it('loads every page for "all the world’s characters"', async () => {
    const all = Array.from({ length: 230 }, (_, i) => makeEntity({ entity_id: `e${i}` }));
    const pages = [];
    server.use(http.get(`${API}/worlds/w1/entities`, ({ request }) => {
      const url = new URL(request.url);
      const number = Number(url.searchParams.get('page'));
      pages.push([number, url.searchParams.get('page_size')]);
      return ok(page(all.slice((number - 1) * 100, number * 100), { total: all.length, pageNumber: number, pageSize: 100 }));
    }));
    const { result } = renderApiHook(() => useAllEntities('w1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toHaveLength(230);
    expect(pages).toEqual([[1, '100'], [2, '100'], [3, '100']]);
  });

  it('an update refreshes every character of the world (the other side of a relationship changed too)', async () => {
    server.use(http.put(`${API}/worlds/w1/entities/a`, async ({ request }) => ok({ entity: makeEntity({ entity_id: 'a', ...(await request.json()) }) })));
    const { result, queryClient } = renderApiHook(() => useUpdateEntity());
    queryClient.setQueryData(entityQueryKey('w1', 'b'), makeEntity({ entity_id: 'b' }));
    queryClient.setQueryData(entityQueryKey('w2', 'z'), makeEntity({ entity_id: 'z' }));
    await act(() => result.current.mutateAsync({ worldId: 'w1', entityId: 'a', changes: { relationships: [{ target_entity_id: 'b', type: 'friend', label: '' }] } }));
    expect(queryClient.getQueryState(entityQueryKey('w1', 'b')).isInvalidated).toBe(true);
    expect(queryClient.getQueryState(entityQueryKey('w2', 'z')).isInvalidated).toBe(false);
    expect(queryClient.getQueryData(entityQueryKey('w1', 'a')).relationships).toHaveLength(1);
  });

  it('a create and a delete refresh the world’s counts; a delete also the stories', async () => {
    server.use(
      http.post(`${API}/worlds/w1/entities`, () => ok({ entity: makeEntity({ entity_id: 'n' }) }, 201)),
      http.delete(`${API}/worlds/w1/entities/n`, () => ok({ entity_id: 'n' })),
    );
    const created = renderApiHook(() => useCreateEntity());
    created.queryClient.setQueryData(queryRoots.worldDetail('w1'), { world_id: 'w1' });
    await act(() => created.result.current.mutateAsync({ worldId: 'w1', body: { name: 'N' } }));
    expect(created.queryClient.getQueryState(queryRoots.worldDetail('w1')).isInvalidated).toBe(true);
    expect(created.queryClient.getQueryData(entityQueryKey('w1', 'n'))).toMatchObject({ entity_id: 'n' });

    const deleted = renderApiHook(() => useDeleteEntity());
    deleted.queryClient.setQueryData(queryRoots.storyDetail('s1'), { story_id: 's1' });
    await act(() => deleted.result.current.mutateAsync({ worldId: 'w1', entityId: 'n' }));
    expect(deleted.queryClient.getQueryState(queryRoots.storyDetail('s1')).isInvalidated).toBe(true);
  });
});
