import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { makeStory } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { StoryEditor } from './story-editor';
import { AUTOSAVE_DELAY_MS } from '../hooks/use-autosave';
import i18n from '../../../lib/i18n';

const story = makeStory({ story_id: 's1', title: 'Đêm trăng', content: 'Trăng lên cao', word_count: 3 });

function storyApi(respond = (body) => ok({ story: { ...story, ...body } })) {
  const puts = [];
  server.use(http.put(`${API}/stories/s1`, async ({ request }) => {
    const body = await request.json();
    puts.push(body);
    return respond(body, puts.length);
  }));
  return puts;
}

const status = () => screen.getByText((_, el) => el?.getAttribute('data-save-status') != null && el.tagName === 'DIV');

describe('story editor', () => {
  it('counts words as you type, in the current language', async () => {
    storyApi();
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);

    expect(screen.getByTestId('word-count')).toHaveTextContent('3 từ');
    await user.type(screen.getByLabelText('Nội dung truyện'), ' trên đỉnh núi');
    expect(screen.getByTestId('word-count')).toHaveTextContent('6 từ');

    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('word-count')).toHaveTextContent('6 words');
    await waitFor(() => expect(status()).toHaveTextContent(/Saved/), { timeout: AUTOSAVE_DELAY_MS + 1500 });
  });

  it('autosaves once typing pauses, showing unsaved → saving → saved', async () => {
    let release;
    const puts = storyApi(async (body) => {
      await new Promise((resolve) => { release = resolve; });
      return ok({ story: { ...story, ...body } });
    });
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);

    await user.type(screen.getByLabelText('Nội dung truyện'), '. Gió thổi.');
    expect(status()).toHaveTextContent('Chưa lưu');
    expect(puts).toHaveLength(0);

    await waitFor(() => expect(status()).toHaveTextContent('Đang lưu…'), { timeout: AUTOSAVE_DELAY_MS + 1500 });
    release();
    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/));

    // The whole burst of typing became one save holding only what changed.
    expect(puts).toEqual([{ content: 'Trăng lên cao. Gió thổi.' }]);
  });

  it('shows a save error with a retry that saves', async () => {
    const puts = storyApi((body, count) => (count === 1 ? fail('5002', 503) : ok({ story: { ...story, ...body } })));
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);

    await user.clear(screen.getByLabelText('Tên truyện'));
    await user.type(screen.getByLabelText('Tên truyện'), 'Bình minh');

    await waitFor(() => expect(status()).toHaveTextContent('Lưu thất bại'), { timeout: AUTOSAVE_DELAY_MS + 1500 });
    expect(status()).toHaveTextContent('Kho dữ liệu tạm thời không khả dụng');
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));

    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/));
    expect(puts).toEqual([{ title: 'Bình minh' }, { title: 'Bình minh' }]);
  });

  it('saves at once on Ctrl+S', async () => {
    const puts = storyApi();
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);

    await user.type(screen.getByLabelText('Nội dung truyện'), '!');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(puts).toEqual([{ content: 'Trăng lên cao!' }]), { timeout: AUTOSAVE_DELAY_MS / 2 });
  });

  it('refuses a visibility wider than the world and says why', async () => {
    storyApi(() => fail('2001', 400, { fields: { visibility: 'cannot be more visible than its world (private)' } }));
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);

    await user.selectOptions(screen.getByLabelText('Ai được đọc'), 'public');

    expect(await screen.findByRole('alert')).toHaveTextContent('Truyện không thể hiển thị rộng hơn thế giới chứa nó.');
    expect(screen.getByLabelText('Ai được đọc')).toHaveValue('private');
  });
});
