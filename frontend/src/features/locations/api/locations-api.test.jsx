import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { act, waitFor } from '@testing-library/react';
import { API, ok, server } from '../../../test/server';
import { makeLocation, page } from '../../../test/fixtures';
import { renderApiHook } from '../../../test/hooks';
import { queryRoots } from '../../../lib/query-keys';
import { useAllLocations } from './get-locations';
import { useUpdateLocation } from './update-location';

describe('locations api', () => {
  it('loads every place, and an update refreshes them (a renamed parent shows on its children)', async () => {
    server.use(
      http.get(`${API}/worlds/w1/locations`, () => ok(page([makeLocation({ location_id: 'p' })], { total: 1 }))),
      http.put(`${API}/worlds/w1/locations/p`, () => ok({ location: makeLocation({ location_id: 'p', name: 'New' }) })),
    );
    const all = renderApiHook(() => ({ all: useAllLocations('w1'), update: useUpdateLocation() }));
    await waitFor(() => expect(all.result.current.all.data).toHaveLength(1));
    await act(() => all.result.current.update.mutateAsync({ worldId: 'w1', locationId: 'p', changes: { name: 'New' } }));
    await waitFor(() => expect(all.queryClient.getQueryState([...queryRoots.worldLocations('w1'), 'all']).dataUpdateCount).toBe(2));
  });
});
