import { beforeEach, describe, expect, it } from 'vitest';
import { http } from 'msw';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@codemirror/view';
import { API, fail, ok, server } from '../../../test/server';
import { makeStory } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { StoryEditor } from './story-editor';
import { AUTOSAVE_DELAY_MS } from '../hooks/use-autosave';
import { readDraft, writeDraft } from '../lib/drafts';
import i18n from '../../../lib/i18n';

const story = makeStory({
  story_id: 's1', title: 'Đêm trăng', content: 'Trăng lên cao', word_count: 3, version: 4,
  permissions: { edit: true, delete: true }, entity_ids: [], location_ids: [],
});
const SAVE_WAIT = { timeout: AUTOSAVE_DELAY_MS + 2000 };

function storyApi(respond = (body) => ok({ story: { ...story, ...body, version: body.version + 1 } })) {
  const puts = [];
  server.use(http.put(`${API}/stories/s1`, async ({ request }) => {
    const body = await request.json();
    puts.push(body);
    return respond(body, puts.length);
  }));
  return puts;
}

const view = () => EditorView.findFromDOM(screen.getByTestId('story-content'));
const text = () => view().state.doc.toString();
function typeAtEnd(words) {
  act(() => view().dispatch({ changes: { from: view().state.doc.length, insert: words }, userEvent: 'input.type' }));
}
const status = () => document.querySelector('[data-save-status]');

describe('story editor', () => {
  beforeEach(() => window.localStorage.clear());

  it('counts words as you type, by the shared rule, in the current language', async () => {
    storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    expect(screen.getByTestId('word-count')).toHaveTextContent('3 từ');
    typeAtEnd(' trên đỉnh **núi**');
    expect(screen.getByTestId('word-count')).toHaveTextContent('6 từ');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('word-count')).toHaveTextContent('6 words');
    await waitFor(() => expect(status()).toHaveTextContent(/Saved/), SAVE_WAIT);
    await act(() => i18n.changeLanguage('vi'));
  });

  it('autosaves once typing pauses, sending only what changed and the version it was based on', async () => {
    const puts = storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd('. Gió');
    typeAtEnd(' thổi.');
    expect(status()).toHaveTextContent('Chưa lưu');
    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/), SAVE_WAIT);
    expect(puts).toEqual([{ content: 'Trăng lên cao. Gió thổi.', version: 4 }]);

    // The next save is based on the version the server answered with.
    typeAtEnd('!');
    await waitFor(() => expect(puts).toHaveLength(2), SAVE_WAIT);
    expect(puts[1]).toEqual({ content: 'Trăng lên cao. Gió thổi.!', version: 5 });
  });

  it('sends nothing when the text is back to what was saved', async () => {
    const puts = storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd('x');
    act(() => view().dispatch({ changes: { from: text().length - 1, to: text().length } }));
    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/), SAVE_WAIT);
    expect(puts).toEqual([]);
  });

  it('on a conflict keeps the writer\'s text, shows theirs, and "keep both" saves both on the current version', async () => {
    const theirs = { ...story, content: 'Mưa rơi trên phố.', version: 9, updated_at: '2026-12-04T10:00:00Z' };
    const puts = storyApi((body) => (body.version === 4
      ? fail('3004', 409, { current: theirs })
      : ok({ story: { ...theirs, ...body, version: 10 } })));
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd(' và sao.');

    const panel = await screen.findByTestId('story-conflict', {}, SAVE_WAIT);
    expect(panel).toHaveTextContent('Mưa rơi trên phố.');
    expect(panel).toHaveTextContent('Trăng lên cao và sao.');
    expect(text()).toBe('Trăng lên cao và sao.');
    expect(readDraft('s1')?.content ?? 'Trăng lên cao và sao.').toBe('Trăng lên cao và sao.');

    // Typing during the conflict is kept, and nothing is sent until the writer chooses.
    typeAtEnd(' Đêm.');
    await new Promise((resolve) => { setTimeout(resolve, AUTOSAVE_DELAY_MS + 200); });
    expect(puts).toHaveLength(1);

    await user.click(within(panel).getByRole('button', { name: 'Giữ cả hai' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toEqual({ content: 'Trăng lên cao và sao. Đêm.\n\n* * *\n\nMưa rơi trên phố.', version: 9 });
    expect(screen.queryByTestId('story-conflict')).toBeNull();
    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/));
  });

  it('"keep theirs" replaces the text with theirs and sends nothing', async () => {
    const theirs = { ...story, title: 'Mưa', content: 'Mưa rơi.', version: 9 };
    const puts = storyApi(() => fail('3004', 409, { current: theirs }));
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd(' x');
    await user.click(await screen.findByRole('button', { name: 'Giữ bản của họ' }, SAVE_WAIT));
    expect(text()).toBe('Mưa rơi.');
    expect(screen.getByLabelText('Tên truyện')).toHaveValue('Mưa');
    await waitFor(() => expect(status()).toHaveTextContent(/Đã lưu/));
    expect(puts).toHaveLength(1);
  });

  it('a conflict caused by a change to something else (links) is resolved by itself', async () => {
    const puts = storyApi((body) => (body.version === 4
      ? fail('3004', 409, { current: { ...story, version: 5, entity_ids: ['e1'] } })
      : ok({ story: { ...story, ...body, version: 6 } })));
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd('!');
    await waitFor(() => expect(puts).toHaveLength(2), SAVE_WAIT);
    expect(puts[1]).toEqual({ content: 'Trăng lên cao!', version: 5 });
    expect(screen.queryByTestId('story-conflict')).toBeNull();
  });

  it('puts back text kept in this browser and saves it when the server has not moved on', async () => {
    writeDraft('s1', { title: 'Đêm trăng', content: 'Viết khi phiên đã hết.', baseVersion: 4 });
    const puts = storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    expect(text()).toBe('Viết khi phiên đã hết.');
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    await waitFor(() => expect(puts).toEqual([{ content: 'Viết khi phiên đã hết.', version: 4 }]), SAVE_WAIT);
    await waitFor(() => expect(readDraft('s1')).toBeNull());
  });

  it('shows a kept draft against a server that moved on as a conflict', async () => {
    writeDraft('s1', { title: 'Đêm trăng', content: 'Bản nháp cũ.', baseVersion: 2 });
    storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    const panel = screen.getByTestId('story-conflict');
    expect(panel).toHaveTextContent('Bản nháp cũ.');
    expect(panel).toHaveTextContent('Trăng lên cao');
  });

  it('keeps unsaved text in this browser while typing', async () => {
    storyApi(() => fail('5002', 503));
    renderWithProviders(<StoryEditor story={story} />);
    typeAtEnd(' chưa lưu');
    await waitFor(() => expect(readDraft('s1')).toMatchObject({ content: 'Trăng lên cao chưa lưu', baseVersion: 4 }));
  });

  it('formats the selection from the toolbar', async () => {
    storyApi();
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);
    act(() => view().dispatch({ selection: { anchor: 0, head: 5 } }));
    await user.click(screen.getByRole('button', { name: 'In đậm' }));
    expect(text()).toBe('**Trăng** lên cao');
  });

  it('finds the world\'s names in the text and links one with a click', async () => {
    const entities = [{ entity_id: 'e1', name: 'Tấm', aliases: [] }];
    const locations = [{ location_id: 'l1', name: 'Đà Lạt', aliases: [] }];
    const linked = [];
    server.use(http.post(`${API}/stories/s1/link-entities`, async ({ request }) => {
      const body = await request.json();
      linked.push(body);
      return ok({ story: { ...story, entity_ids: body.entity_ids ?? [], version: 5 }, created: { entities: [] }, unresolved: [] });
    }));
    storyApi();
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={{ ...story, content: 'Tấm đến da lat.' }} entities={entities} locations={locations} />);
    const toLink = await screen.findByTestId('names-to-link');
    expect(toLink).toHaveTextContent('Tấm');
    expect(toLink).toHaveTextContent('Đà Lạt');
    expect(document.querySelectorAll('.cm-name').length).toBe(2);
    await user.click(within(toLink).getByRole('button', { name: 'Liên kết Tấm' }));
    await waitFor(() => expect(linked).toEqual([{ entity_ids: ['e1'] }]));
  });

  it('refuses a visibility wider than the world and says why', async () => {
    storyApi(() => fail('2001', 400, { fields: { visibility: 'cannot be more visible than its world (private)' } }));
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={story} />);
    await user.selectOptions(screen.getByLabelText('Ai được đọc'), 'public');
    expect(await screen.findByText('Truyện không thể hiển thị rộng hơn thế giới chứa nó.')).toBeInTheDocument();
    expect(screen.getByLabelText('Ai được đọc')).toHaveValue('private');
  });

  it('has a level-one heading and a labelled text area', () => {
    storyApi();
    renderWithProviders(<StoryEditor story={story} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Đêm trăng');
    expect(screen.getByRole('textbox', { name: 'Nội dung truyện' })).toBeInTheDocument();
  });
});
