import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { makeWorld, page } from '../../../test/fixtures';
import { renderApp, renderWithProviders } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';
import { Snippet } from './snippet';
import i18n from '../../../lib/i18n';
import { snippetSegments } from '../snippet';

const items = [
  { kind: 'entity', id: 'e1', world_id: 'w1', title: 'Đà Lạt Ari', snippet: 'Ari sống ở <mark>Đà Lạt</mark> &amp; Huế', score: 9 },
  { kind: 'story', id: 's1', world_id: 'w1', title: 'Mùa sương', snippet: 'Sương xuống <mark>Đà Lạt</mark>. &lt;script&gt;alert(1)&lt;/script&gt;', score: 8 },
  { kind: 'world', id: 'w1', world_id: 'w1', title: 'Cao nguyên', snippet: 'Thế giới quanh <mark>Đà Lạt</mark>', score: 7 },
  { kind: 'event', id: 'ev1', world_id: 'w1', title: 'Hội hoa', snippet: 'Hội hoa <mark>Đà Lạt</mark>', score: 6 },
  { kind: 'location', id: 'l1', world_id: 'w1', title: 'Đà Lạt', snippet: '<mark>Đà Lạt</mark>, thành phố sương', score: 5 },
  { kind: 'story', id: 's2', world_id: 'w1', title: 'Đồi thông', snippet: 'Đồi thông <mark>Da Lat</mark>', score: 4 },
];

function setup({ answer } = {}) {
  const calls = [];
  server.use(
    http.get(`${API}/worlds`, () => ok(page([makeWorld({ world_id: 'w1', name: 'Cao nguyên' }), makeWorld({ world_id: 'w2', name: 'Biển Đông' })]))),
    http.get(`${API}/search`, ({ request }) => {
      const url = new URL(request.url);
      calls.push({ params: Object.fromEntries(url.searchParams), auth: request.headers.get('Authorization') });
      return answer ? answer(url) : ok({ items, total: 26 });
    }),
  );
  return { calls };
}

describe('search', () => {
  it('renders a snippet as text: only <mark> marks, escaped markup stays visible text', () => {
    const { container } = renderWithProviders(<Snippet snippet={'a <mark>b</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;mark&gt;c&#39;'} />);
    const snippet = screen.getByTestId('search-snippet');
    expect(snippet).toHaveTextContent('a b <script>alert("x")</script> <mark>c\'');
    expect(container.querySelectorAll('mark')).toHaveLength(1);
    expect(container.querySelector('mark')).toHaveTextContent('b');
    expect(container.querySelector('script')).toBeNull();
    expect(snippetSegments('x<mark>y</mark>z')).toEqual([{ text: 'x', mark: false }, { text: 'y', mark: true }, { text: 'z', mark: false }]);
  });

  it('searches from the header without signing in and shows the results grouped by kind', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const { router } = renderApp('/no-such-page');
    const box = await screen.findByRole('searchbox', { name: 'Tìm trong Storyloom' });
    await user.type(box, 'da lat{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(router.state.location.search).toBe('?q=da%20lat');
    await screen.findByText('26 kết quả cho “da lat”');
    expect(calls[0].params).toMatchObject({ q: 'da lat', page: '1' });
    expect(calls[0].auth).toBeNull();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Thế giới (1)', 'Truyện (2)', 'Nhân vật (1)', 'Địa điểm (1)', 'Sự kiện (1)']);
    const stories = screen.getByTestId('search-group-story');
    expect(within(stories).getAllByRole('link').map((a) => a.textContent)).toEqual(['Mùa sương', 'Đồi thông']);
    expect(within(stories).getByRole('link', { name: 'Mùa sương' })).toHaveAttribute('href', '/stories/s1');
    expect(screen.getByRole('link', { name: 'Đà Lạt Ari' })).toHaveAttribute('href', '/worlds/w1/characters/e1');
    expect(screen.getByRole('link', { name: 'Đà Lạt' })).toHaveAttribute('href', '/worlds/w1/places/l1');
    expect(screen.getByRole('link', { name: 'Hội hoa' })).toHaveAttribute('href', '/worlds/w1/timeline#event-ev1');
    expect(screen.getByRole('link', { name: 'Cao nguyên' })).toHaveAttribute('href', '/worlds/w1');
    expect(await within(stories).findAllByText('trong Cao nguyên')).toHaveLength(2);
    // The escaped script is words on the page, never an element.
    expect(within(stories).getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
    expect(document.querySelector('main script')).toBeNull();
    expect(within(stories).getAllByText('Đà Lạt', { selector: 'mark' })).toHaveLength(1);
  });

  it('filters by kind and world and pages through the results, all in the address', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const { router } = renderApp('/search?q=da%20lat');
    await screen.findByText('26 kết quả cho “da lat”');
    await user.click(screen.getByRole('checkbox', { name: 'Truyện' }));
    await user.click(screen.getByRole('checkbox', { name: 'Nhân vật' }));
    await waitFor(() => expect(calls.at(-1).params.kinds).toBe('story,entity'));
    await user.selectOptions(screen.getByLabelText('Thế giới', { selector: 'select' }), 'w2');
    await waitFor(() => expect(calls.at(-1).params.world_id).toBe('w2'));
    await user.click(screen.getByRole('button', { name: /Trang sau|Sau/ }));
    await waitFor(() => expect(calls.at(-1).params.page).toBe('2'));
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('2');
    expect(new URLSearchParams(router.state.location.search).get('kinds')).toBe('story,entity');
    // A new filter starts again from the first page.
    await user.click(screen.getByRole('checkbox', { name: 'Truyện' }));
    await waitFor(() => expect(calls.at(-1).params).toMatchObject({ kinds: 'entity', page: '1' }));
  });

  it('says when nothing was found, and when the search failed', async () => {
    const user = userEvent.setup();
    let broken = false;
    setup({ answer: () => (broken ? fail('5001', 500) : ok({ items: [], total: 0 })) });
    renderApp('/search?q=zzz');
    expect(await screen.findByText('Không tìm thấy gì cho “zzz”')).toBeInTheDocument();
    broken = true;
    const box = screen.getByRole('searchbox', { name: 'Từ cần tìm' });
    await user.clear(box);
    await user.type(box, 'yyy');
    await user.click(screen.getByRole('button', { name: 'Tìm' }));
    expect(await screen.findByText('Tìm kiếm không thành công')).toBeInTheDocument();
  });

  it('speaks English', async () => {
    setup();
    await i18n.changeLanguage('en');
    renderApp('/search?q=da%20lat');
    expect(await screen.findByText('26 results for “da lat”')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Worlds (1)', 'Stories (2)', 'Characters (1)', 'Places (1)', 'Events (1)']);
    expect(screen.getByRole('searchbox', { name: 'Search Storyloom' })).toHaveValue('da lat');
  });

  it('asks for words before searching', async () => {
    const { calls } = setup();
    renderApp('/search');
    expect(await screen.findByText('Bạn muốn tìm gì?')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
