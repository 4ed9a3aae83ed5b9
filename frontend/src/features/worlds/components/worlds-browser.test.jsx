import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { makeWorld, page } from '../../../test/fixtures';
import { renderWithProviders, signIn } from '../../../test/render';
import { WorldsBrowser } from './worlds-browser';

const WORLDS = [
  makeWorld({ world_id: 'w1', name: 'Đại Việt', visibility: 'public' }),
  makeWorld({ world_id: 'w2', name: 'Avalon' }),
  makeWorld({ world_id: 'w3', name: 'Dune', my_role: 'viewer', owner_username: 'paul', permissions: { edit: false, manage: false, delete: false } }),
];

/** A fake /worlds that filters like the API and records every query it receives. */
function worldsApi() {
  const requests = [];
  server.use(http.get(`${API}/worlds`, ({ request }) => {
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const scope = url.searchParams.get('scope') ?? 'all';
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    requests.push({ q, scope, page: pageNumber });
    let items = WORLDS.filter((w) => w.name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').includes(q));
    if (scope === 'mine') items = items.filter((w) => w.my_role === 'owner');
    if (scope === 'shared') items = items.filter((w) => w.my_role && w.my_role !== 'owner');
    if (scope === 'public') items = items.filter((w) => w.visibility === 'public');
    return ok(page(items, { pageNumber }));
  }));
  return requests;
}

function worldNames() {
  return screen.queryAllByRole('listitem').map((item) => within(item).getByRole('link').textContent);
}

describe('worlds list', () => {
  it('lists worlds with their visibility and my role', async () => {
    worldsApi();
    signIn();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds' });

    expect(await screen.findByRole('link', { name: 'Đại Việt' })).toHaveAttribute('href', '/worlds/w1');
    expect(worldNames()).toEqual(['Đại Việt', 'Avalon', 'Dune']);
    const dune = screen.getByRole('link', { name: 'Dune' }).closest('li');
    expect(within(dune).getByText('Người xem')).toBeInTheDocument();
    expect(within(dune).getByText(/bởi @paul/)).toBeInTheDocument();
  });

  it('searches as you type, once the typing pauses', async () => {
    const requests = worldsApi();
    signIn();
    const user = userEvent.setup();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds' });
    await screen.findByRole('link', { name: 'Avalon' });

    await user.type(screen.getByLabelText('Tìm theo tên'), 'dai');

    await waitFor(() => expect(worldNames()).toEqual(['Đại Việt']));
    // One request for the first load and one for "dai": not one per keystroke.
    expect(requests.map((r) => r.q)).toEqual(['', 'dai']);
  });

  it('says so when nothing matches the search', async () => {
    worldsApi();
    signIn();
    const user = userEvent.setup();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds' });
    await screen.findByRole('link', { name: 'Avalon' });

    await user.type(screen.getByLabelText('Tìm theo tên'), 'zzz');

    expect(await screen.findByText('Không có thế giới nào tên khớp “zzz”')).toBeInTheDocument();
  });

  it('filters by scope', async () => {
    const requests = worldsApi();
    signIn();
    const user = userEvent.setup();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds' });
    await screen.findByRole('link', { name: 'Avalon' });

    await user.click(screen.getByRole('radio', { name: 'Được chia sẻ' }));
    await waitFor(() => expect(worldNames()).toEqual(['Dune']));

    await user.click(screen.getByRole('radio', { name: 'Công khai' }));
    await waitFor(() => expect(worldNames()).toEqual(['Đại Việt']));
    expect(requests.map((r) => r.scope)).toEqual(['all', 'shared', 'public']);
    expect(screen.getByRole('radio', { name: 'Công khai' })).toBeChecked();
  });

  it('shows an empty state for a scope with no worlds', async () => {
    server.use(http.get(`${API}/worlds`, () => ok(page([]))));
    signIn();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds?scope=shared' });
    expect(await screen.findByText('Chưa ai chia sẻ thế giới với bạn')).toBeInTheDocument();
  });

  it('pages through the results', async () => {
    const requests = [];
    server.use(http.get(`${API}/worlds`, ({ request }) => {
      const pageNumber = Number(new URL(request.url).searchParams.get('page'));
      requests.push(pageNumber);
      return ok(page([makeWorld({ world_id: `p${pageNumber}`, name: `Trang ${pageNumber}` })], { total: 30, pageNumber, pageSize: 12 }));
    }));
    signIn();
    const user = userEvent.setup();
    renderWithProviders(<WorldsBrowser signedIn />, { route: '/worlds' });

    await screen.findByRole('link', { name: 'Trang 1' });
    expect(screen.getByText('Trang 1 / 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Trước/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Sau/ }));

    expect(await screen.findByRole('link', { name: 'Trang 2' })).toBeInTheDocument();
    expect(screen.getByText('Trang 2 / 3')).toBeInTheDocument();
    expect(requests).toEqual([1, 2]);
  });

  it('shows a friendly error with a retry that works', async () => {
    let calls = 0;
    server.use(http.get(`${API}/worlds`, () => {
      calls += 1;
      return calls === 1 ? fail('5002', 503) : ok(page([makeWorld({ name: 'Back again' })]));
    }));
    const user = userEvent.setup();
    renderWithProviders(<WorldsBrowser signedIn={false} />, { route: '/worlds' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Kho dữ liệu tạm thời không khả dụng. Vui lòng thử lại sau.');
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument();
  });

  it('offers anonymous visitors public worlds only, without scope filters', async () => {
    const requests = worldsApi();
    renderWithProviders(<WorldsBrowser signedIn={false} />, { route: '/worlds' });

    await waitFor(() => expect(worldNames()).toEqual(['Đại Việt']));
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(requests[0].scope).toBe('public');
  });
});
