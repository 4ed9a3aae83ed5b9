import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { makeUser, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';

// jsdom has no canvas: a stand-in for cytoscape that keeps what the page asked of it.
const drawn = vi.hoisted(() => []);
vi.mock('cytoscape', () => ({
  default: (options) => {
    const handlers = {};
    const edges = options.elements.filter((el) => el.group === 'edges').map((el) => {
      const styles = {};
      return { el, styles, data: (key) => el.data[key], style: (key, value) => { styles[key] = value; } };
    });
    let level = 1;
    const cy = {
      options,
      handlers,
      edgeList: edges,
      on: (event, selector, handler) => { handlers[`${event} ${selector}`] = handler; },
      edges: () => edges,
      zoom: (arg) => {
        if (arg && typeof arg === 'object') level = arg.level;
        return level;
      },
      width: () => 300,
      height: () => 200,
      fit: vi.fn(),
      destroy: vi.fn(),
      tapNode: (id) => {
        const node = options.elements.find((el) => el.group === 'nodes' && el.data.id === id);
        handlers['tap node']({ target: { data: (key) => node.data[key] } });
      },
    };
    drawn.push(cy);
    return cy;
  },
}));

const W = 'world_a';
const graph = {
  nodes: [
    { id: 'e1', kind: 'entity', label: 'Ari' },
    { id: 'e2', kind: 'entity', label: 'Bo' },
    { id: 'l1', kind: 'location', label: 'Harbour' },
    { id: 's1', kind: 'story', label: 'The Siege' },
  ],
  edges: [
    { source: 'e1', target: 'e2', kind: 'relationship', label: 'friend', weight: 1 },
    { source: 'e1', target: 'e2', kind: 'co_appearance', label: '', weight: 3 },
    { source: 'e1', target: 's1', kind: 'appears_in', label: '', weight: 1 },
    { source: 's1', target: 'l1', kind: 'located_at', label: '', weight: 1 },
  ],
};

function setup({ edit = true } = {}) {
  signIn();
  drawn.length = 0;
  const relinks = [];
  server.use(
    http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
    http.get(`${API}/worlds/${W}`, () => ok({ world: makeWorld({ world_id: W, name: 'Avalon', permissions: { edit, manage: edit, delete: edit } }) })),
    http.get(`${API}/worlds/${W}/graph`, () => ok(graph)),
    // The pages a node opens (their content is not what this test is about).
    http.get(`${API}/worlds/${W}/entities/:id`, () => fail('3001', 404)),
    http.get(`${API}/stories/:id`, () => fail('3001', 404)),
    http.post(`${API}/worlds/${W}/auto-link-stories`, () => {
      relinks.push(W);
      return ok({ links: [{ story_id: 's1', linked_story_id: 's2', weight: 2, reasons: [] }, { story_id: 's2', linked_story_id: 's1', weight: 2, reasons: [] }] });
    }),
  );
  return { relinks };
}

async function ready() {
  await waitFor(() => expect(screen.getByTestId('graph-canvas')).toHaveAttribute('data-status', 'ready'));
  return drawn.at(-1);
}

const displayOf = (cy, kind) => cy.edgeList.filter((edge) => edge.data('kind') === kind).map((edge) => edge.styles.display);

describe('graph', () => {
  it('draws every node and edge, and hides and shows edges by kind without drawing again', async () => {
    const user = userEvent.setup();
    setup();
    renderApp(`/worlds/${W}/graph`);
    const cy = await ready();
    expect(cy.options.elements.filter((el) => el.group === 'nodes')).toHaveLength(4);
    expect(cy.edgeList).toHaveLength(4);
    expect(cy.options.layout.name).toBe('cose');
    expect(screen.getByRole('tab', { name: 'Sơ đồ' })).toHaveAttribute('aria-selected', 'true');

    await user.click(screen.getByRole('checkbox', { name: /Cùng xuất hiện trong truyện/ }));
    expect(displayOf(cy, 'co_appearance')).toEqual(['none']);
    expect(displayOf(cy, 'relationship')).toEqual(['element']);
    await user.click(screen.getByRole('checkbox', { name: /Cùng xuất hiện trong truyện/ }));
    expect(displayOf(cy, 'co_appearance')).toEqual(['element']);
    expect(drawn).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Phóng to' }));
    expect(cy.zoom()).toBeCloseTo(1.25);
    await user.click(screen.getByRole('button', { name: 'Xem toàn bộ sơ đồ' }));
    expect(cy.fit).toHaveBeenCalled();
  });

  it('opens a node’s page when it is clicked', async () => {
    setup();
    const { router } = renderApp(`/worlds/${W}/graph`);
    const cy = await ready();
    act(() => cy.tapNode('entity:e1'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/worlds/${W}/characters/e1`));
    await act(() => router.navigate(`/worlds/${W}/graph`));
    const again = await ready();
    act(() => again.tapNode('story:s1'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/stories/s1'));
  });

  it('offers the same graph as tables, filtered the same way, with links to every node', async () => {
    const user = userEvent.setup();
    setup({ edit: false });
    renderApp(`/worlds/${W}/graph`);
    await ready();
    expect(screen.queryByRole('button', { name: 'Liên kết lại các truyện' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bảng' }));
    expect(screen.getByRole('button', { name: 'Bảng' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Harbour' })).toHaveAttribute('href', `/worlds/${W}/places/l1`);
    expect(screen.getByRole('link', { name: 'The Siege' })).toHaveAttribute('href', '/stories/s1');
    const table = screen.getByTestId('graph-edges-table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    await user.click(screen.getByRole('checkbox', { name: /Quan hệ/ }));
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(table.querySelector('[data-kind="relationship"]')).toBeNull();
  });

  it('lets editors link the stories again', async () => {
    const user = userEvent.setup();
    const { relinks } = setup();
    renderApp(`/worlds/${W}/graph`);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Liên kết lại các truyện' }));
    await waitFor(() => expect(relinks).toEqual([W]));
    expect(await screen.findByText('Tìm thấy 2 liên kết giữa các truyện.')).toBeInTheDocument();
  });
});
