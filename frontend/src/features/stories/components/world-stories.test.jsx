import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { makeStory, page } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { WorldStories } from './world-stories';

const STORIES = [
  makeStory({ story_id: 'a', title: 'Khởi đầu', order: 1 }),
  makeStory({ story_id: 'b', title: 'Giữa đường', order: 2 }),
  makeStory({ story_id: 'c', title: 'Kết thúc', order: 3 }),
];

function storiesApi(respond) {
  const reorders = [];
  let current = [...STORIES].reverse(); // the page must sort by `order` itself
  server.use(
    http.get(`${API}/worlds/w1/stories`, () => ok(page(current))),
    http.post(`${API}/worlds/w1/stories/reorder`, async ({ request }) => {
      const { story_ids: ids } = await request.json();
      reorders.push(ids);
      if (respond) return respond(ids);
      current = ids.map((id, i) => ({ ...STORIES.find((s) => s.story_id === id), order: i + 1 }));
      return ok({ items: current });
    }),
  );
  return reorders;
}

const titles = () => screen.getAllByTestId('story-item').map((li) => within(li).getAllByRole('link')[0].textContent);

describe('world stories', () => {
  it('lists stories by their order', async () => {
    storiesApi();
    renderWithProviders(<WorldStories worldId="w1" canEdit={false} />);
    await screen.findByRole('link', { name: 'Khởi đầu' });
    expect(titles()).toEqual(['Khởi đầu', 'Giữa đường', 'Kết thúc']);
    expect(screen.queryByRole('button', { name: /Đưa/ })).not.toBeInTheDocument();
  });

  it('moves a story with the down button and saves the whole order', async () => {
    const reorders = storiesApi();
    const user = userEvent.setup();
    renderWithProviders(<WorldStories worldId="w1" canEdit />);

    await user.click(await screen.findByRole('button', { name: 'Đưa “Khởi đầu” xuống' }));

    await waitFor(() => expect(titles()).toEqual(['Giữa đường', 'Khởi đầu', 'Kết thúc']));
    expect(reorders).toEqual([['b', 'a', 'c']]);
    expect(screen.getByText('Đã chuyển “Khởi đầu” đến vị trí 2 trên 3.')).toBeInTheDocument();
  });

  it('moves a story with the arrow keys on its handle, keeping focus on it', async () => {
    const reorders = storiesApi();
    const user = userEvent.setup();
    renderWithProviders(<WorldStories worldId="w1" canEdit />);

    const handle = await screen.findByRole('button', { name: /Sắp xếp “Kết thúc”/ });
    handle.focus();
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(titles()).toEqual(['Khởi đầu', 'Kết thúc', 'Giữa đường']));
    await waitFor(() => expect(screen.getByRole('button', { name: /Sắp xếp “Kết thúc”/ })).toHaveFocus());

    await user.keyboard('{Home}');
    await waitFor(() => expect(titles()).toEqual(['Kết thúc', 'Khởi đầu', 'Giữa đường']));
    expect(reorders).toEqual([['a', 'c', 'b'], ['c', 'a', 'b']]);
  });

  it('moves a story by drag and drop', async () => {
    const reorders = storiesApi();
    renderWithProviders(<WorldStories worldId="w1" canEdit />);
    await screen.findByRole('link', { name: 'Khởi đầu' });
    const [first, , last] = screen.getAllByTestId('story-item');
    const dataTransfer = { setData: () => {}, effectAllowed: '' };

    fireEvent.dragStart(first, { dataTransfer });
    fireEvent.dragOver(last, { dataTransfer });
    fireEvent.drop(last, { dataTransfer });

    await waitFor(() => expect(titles()).toEqual(['Giữa đường', 'Kết thúc', 'Khởi đầu']));
    expect(reorders).toEqual([['b', 'c', 'a']]);
  });

  it('puts the order back when the server refuses it', async () => {
    storiesApi(() => fail('1004', 403));
    const user = userEvent.setup();
    renderWithProviders(<WorldStories worldId="w1" canEdit />);

    await user.click(await screen.findByRole('button', { name: 'Đưa “Kết thúc” lên' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
    expect(titles()).toEqual(['Khởi đầu', 'Giữa đường', 'Kết thúc']);
  });

  it('shows an empty state inviting the first story', async () => {
    server.use(http.get(`${API}/worlds/w1/stories`, () => ok(page([]))));
    renderWithProviders(<WorldStories worldId="w1" canEdit />);
    expect(await screen.findByText('Thế giới này chưa có truyện nào')).toBeInTheDocument();
    expect(screen.getByText('Viết câu chuyện đầu tiên diễn ra ở đây.')).toBeInTheDocument();
  });
});
