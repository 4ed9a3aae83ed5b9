import { describe, expect, it, vi } from 'vitest';
import { http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../../lib/i18n';
import { ApiError } from '../../../lib/api-client';
import { API, fail, ok, server } from '../../../test/server';
import { makeStory, makeUser, makeWorld, page } from '../../../test/fixtures';
import { renderApp, renderWithProviders, signIn } from '../../../test/render';
import { WorldForm } from './world-form';

describe('world form', () => {
  it('needs a name before it submits', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);

    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    expect(screen.getByLabelText('Tên thế giới')).toHaveAccessibleDescription('Vui lòng điền mục này.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits name, genre, description and visibility', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText('Tên thế giới'), '  Đại Việt  ');
    await user.selectOptions(screen.getByLabelText('Thể loại'), 'historical');
    await user.type(screen.getByLabelText('Mô tả'), 'Thăng Long, năm 1010.');
    await user.selectOptions(screen.getByLabelText('Ai được xem'), 'public');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Đại Việt',
      world_type: 'historical',
      description: 'Thăng Long, năm 1010.',
      visibility: 'public',
    });
  });

  it('when editing, sends only what changed and hides visibility from non-managers', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const world = makeWorld({ name: 'Avalon', description: 'Mists.' });
    renderWithProviders(<WorldForm world={world} canManage={false} onSubmit={onSubmit} />);

    expect(screen.queryByLabelText('Ai được xem')).not.toBeInTheDocument();
    const description = screen.getByLabelText('Mô tả');
    expect(description).toHaveValue('Mists.');
    await user.clear(description);
    await user.type(description, 'Mists and apples.');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(onSubmit).toHaveBeenCalledWith({ description: 'Mists and apples.' });
  });
});

describe('world form: the generator', () => {
  it('adds generated characters and places when asked', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Tên thế giới'), 'Đất Phương Nam');
    expect(screen.queryByLabelText('Số nhân vật (0–200)')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Điền sẵn nhân vật và địa điểm được tạo tự động'));
    await user.clear(screen.getByLabelText('Số nhân vật (0–200)'));
    await user.type(screen.getByLabelText('Số nhân vật (0–200)'), '201');
    await user.clear(screen.getByLabelText('Số địa điểm (0–100)'));
    await user.type(screen.getByLabelText('Số địa điểm (0–100)'), '30');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Số nhân vật (0–200)')).toHaveAccessibleDescription('Nhập một số nguyên từ 0 đến 200.');

    await user.clear(screen.getByLabelText('Số nhân vật (0–200)'));
    await user.type(screen.getByLabelText('Số nhân vật (0–200)'), '200');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Đất Phương Nam', world_type: 'fantasy', description: '', visibility: 'private',
      generate: { entities: 200, locations: 30, language: 'vi' },
    });
  });

  it('draws names in the interface language unless another is chosen', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Tên thế giới'), 'Avalon');
    await user.click(screen.getByLabelText('Điền sẵn nhân vật và địa điểm được tạo tự động'));

    const language = screen.getByLabelText('Ngôn ngữ của tên và mô tả');
    expect(language).toHaveValue('vi');
    expect(screen.getByRole('option', { name: 'Trộn cả hai' })).toBeInTheDocument();
    await user.selectOptions(language, 'mixed');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({
      generate: { entities: 12, locations: 8, language: 'mixed' },
    }));
  });

  it('defaults to English names when the interface is in English', async () => {
    await i18n.changeLanguage('en');
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('World name'), 'Avalon');
    await user.click(screen.getByLabelText('Fill with generated characters and places'));

    expect(screen.getByLabelText('Language of names and descriptions')).toHaveValue('en');
    await user.click(screen.getByRole('button', { name: 'Create world' }));

    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({
      generate: { entities: 12, locations: 8, language: 'en' },
    }));
  });

  it('shows the API refusing a language on the language select', async () => {
    const error = new ApiError({ errorCode: '2001', status: 400, fields: { 'generate.language': "Input should be 'vi', 'en' or 'mixed'" } });
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={() => {}} error={error} />);
    await user.click(screen.getByLabelText('Điền sẵn nhân vật và địa điểm được tạo tự động'));

    expect(screen.getByLabelText('Ngôn ngữ của tên và mô tả')).toHaveAccessibleDescription('Ngôn ngữ này không có sẵn.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not offered when editing a world', () => {
    renderWithProviders(<WorldForm world={makeWorld()} onSubmit={() => {}} />);
    expect(screen.queryByLabelText('Điền sẵn nhân vật và địa điểm được tạo tự động')).not.toBeInTheDocument();
  });
});

describe('create world page', () => {
  function handlers(onCreate) {
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.post(`${API}/worlds`, onCreate),
      http.get(`${API}/worlds/new-id`, () => ok({ world: makeWorld({ world_id: 'new-id', name: 'Avalon' }) })),
      http.get(`${API}/worlds/new-id/stories`, () => ok(page([]))),
    );
  }

  it('shows the API field errors on the field they name', async () => {
    handlers(() => fail('2001', 400, { fields: { name: 'String should have at most 200 characters' } }));
    signIn();
    const user = userEvent.setup();
    renderApp('/worlds/new');

    await user.type(await screen.findByLabelText('Tên thế giới'), 'Avalon');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    await waitFor(() => expect(screen.getByLabelText('Tên thế giới')).toHaveAccessibleDescription('Tên không hợp lệ: không được để trống hoặc quá dài.'));
  });

  it('shows a quota error that names no field as a message', async () => {
    handlers(() => fail('0001', 403));
    signIn();
    const user = userEvent.setup();
    renderApp('/worlds/new');

    await user.type(await screen.findByLabelText('Tên thế giới'), 'Avalon');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn đã dùng hết hạn mức nội dung công khai của vai trò mình.');
  });

  it('opens the new world once it is created', async () => {
    handlers(async ({ request }) => ok({ world: makeWorld({ world_id: 'new-id', ...(await request.json()) }) }, 201));
    signIn();
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/new');

    await user.type(await screen.findByLabelText('Tên thế giới'), 'Avalon');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));

    expect(await screen.findByRole('heading', { name: 'Avalon', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/worlds/new-id');
    expect(screen.getByText('Đã tạo thế giới.')).toBeInTheDocument();
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    renderApp('/worlds/new');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
  });
});

describe('world page', () => {
  function worldHandlers(world, stories = []) {
    const calls = { deleted: false };
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.get(`${API}/worlds/${world.world_id}`, () => ok({ world })),
      http.get(`${API}/worlds/${world.world_id}/stories`, () => ok(page(stories))),
      http.get(`${API}/worlds`, () => ok(page([]))),
      http.delete(`${API}/worlds/${world.world_id}`, () => { calls.deleted = true; return ok({ world_id: world.world_id }); }),
    );
    return calls;
  }

  it('offers a viewer no button they may not use', async () => {
    const world = makeWorld({
      world_id: 'wv', name: 'Dune', my_role: 'viewer',
      collaborators: [{ user_id: 'user_1', username: 'lan', role: 'viewer' }],
      permissions: { edit: false, manage: false, delete: false },
    });
    worldHandlers(world, [makeStory({ world_id: 'wv', title: 'Arrakis' })]);
    signIn();
    renderApp('/worlds/wv');

    expect(await screen.findByRole('link', { name: 'Arrakis' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xoá' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Truyện mới/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Đưa .* xuống/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chia sẻ' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Công khai/ })).not.toBeInTheDocument();
  });

  it('deletes the world only after confirming', async () => {
    const world = makeWorld({ world_id: 'wd', name: 'Avalon', counts: { stories: 2, entities: 0, locations: 0, events: 0 } });
    const calls = worldHandlers(world);
    signIn();
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/wd');

    await user.click(await screen.findByRole('button', { name: 'Xoá' }));
    const dialog = screen.getByRole('dialog', { name: 'Xoá “Avalon”?' });
    expect(dialog).toHaveTextContent('2 truyện');
    await user.click(screen.getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByRole('button', { name: 'Xoá vĩnh viễn' })).not.toBeInTheDocument();
    expect(calls.deleted).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Xoá' }));
    await user.click(screen.getByRole('button', { name: 'Xoá vĩnh viễn' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/worlds'));
    expect(calls.deleted).toBe(true);
    expect(await screen.findByText('Đã xoá thế giới.')).toBeInTheDocument();
  });

  it('shares the world by username and shows the new collaborator', async () => {
    const world = makeWorld({ world_id: 'ws', name: 'Avalon' });
    worldHandlers(world);
    let body;
    server.use(http.post(`${API}/worlds/ws/share`, async ({ request }) => {
      body = await request.json();
      return ok({ world: { ...world, collaborators: [{ user_id: 'u2', username: 'bao', role: 'editor' }] } });
    }));
    signIn();
    const user = userEvent.setup();
    renderApp('/worlds/ws');

    await user.type(await screen.findByLabelText('Chia sẻ với (tên đăng nhập)'), '@bao');
    await user.selectOptions(screen.getByLabelText('Quyền'), 'editor');
    await user.click(screen.getByRole('button', { name: 'Chia sẻ' }));

    expect(await screen.findByText('@bao')).toBeInTheDocument();
    expect(body).toEqual({ usernames: ['bao'], role: 'editor' });
    expect(screen.getByRole('button', { name: 'Gỡ @bao khỏi người cộng tác' })).toBeInTheDocument();
  });

  it('names the usernames that do not exist', async () => {
    const world = makeWorld({ world_id: 'wn', name: 'Avalon' });
    worldHandlers(world);
    server.use(http.post(`${API}/worlds/wn/share`, () => fail('3001', 404, { missing: ['ghost'] })));
    signIn();
    const user = userEvent.setup();
    renderApp('/worlds/wn');

    await user.type(await screen.findByLabelText('Chia sẻ với (tên đăng nhập)'), 'ghost');
    await user.click(screen.getByRole('button', { name: 'Chia sẻ' }));

    await waitFor(() => expect(screen.getByLabelText('Chia sẻ với (tên đăng nhập)')).toHaveAccessibleDescription('Không tìm thấy người dùng: ghost'));
  });

  it('shows not-found for a world the visitor may not see', async () => {
    server.use(
      http.get(`${API}/worlds/secret`, () => fail('3001', 404)),
      http.get(`${API}/worlds/secret/stories`, () => fail('3001', 404)),
    );
    renderApp('/worlds/secret');
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy thế giới' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Không tìm thấy · Storyloom'));
  });
});

describe('a page that breaks', () => {
  it('shows a friendly message instead of a stack trace', async () => {
    // A malformed answer (no world in it) makes the page throw while rendering.
    server.use(
      http.get(`${API}/worlds/broken`, () => ok({ world: null })),
      http.get(`${API}/worlds/broken/stories`, () => ok(page([]))),
    );
    console.error = () => {}; // React reports the caught error; the page must not show it.
    renderApp('/worlds/broken');

    expect(await screen.findByRole('heading', { name: 'Ối, có gì đó bị rối chỉ' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải lại trang' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/TypeError|at \w+ \(|Cannot read/);
    // The navbar stays, so the user can go elsewhere.
    expect(screen.getByRole('link', { name: 'Thế giới' })).toBeInTheDocument();
  });
});

describe('world form: the language of the world', () => {
  it('a new world takes the interface language: English is sent, Vietnamese (the API default) needs nothing', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    await i18n.changeLanguage('en');
    const { unmount } = renderWithProviders(<WorldForm onSubmit={onSubmit} />);
    expect(screen.getByLabelText('Language of the world')).toHaveValue('en');
    await user.type(screen.getByLabelText('World name'), 'Avalon');
    await user.click(screen.getByRole('button', { name: 'Create world' }));
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Avalon', language: 'en' }));
    unmount();

    await i18n.changeLanguage('vi');
    renderWithProviders(<WorldForm onSubmit={onSubmit} />);
    expect(screen.getByLabelText('Ngôn ngữ của thế giới')).toHaveValue('vi');
    await user.type(screen.getByLabelText('Tên thế giới'), 'Đại Việt');
    await user.click(screen.getByRole('button', { name: 'Tạo thế giới' }));
    expect(onSubmit.mock.calls.at(-1)[0]).not.toHaveProperty('language');
  });

  it('editing shows the world\'s language and sends a change with the version', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WorldForm world={makeWorld({ language: 'vi', version: 7 })} onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Ngôn ngữ của thế giới'), 'en');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenCalledWith({ language: 'en', version: 7 });
  });
});

describe('world form with the AI assistant', () => {
  it('writes the description with AI when the server has it, and hides the button otherwise', async () => {
    let asked = null;
    server.use(
      http.get(`${API}/health`, () => ok({ status: 'ok', ai: { configured: true, model: 'fake' } })),
      http.post(`${API}/gpt/generate-description`, async ({ request }) => {
        asked = await request.json();
        return ok({ task_id: 't1', status: 'pending', poll_url: '/api/gpt/results/t1' }, 202);
      }),
      http.get(`${API}/gpt/results/t1`, () => ok({
        task_id: 't1', kind: 'generate_description', status: 'completed', progress: null,
        result: { description: 'Sông nước miền Tây.', context: { entity_ids: [], location_ids: [], event_ids: [], cut: 0 } },
        error: null, usage: { prompt_tokens: 1, completion_tokens: 1 }, created_at: '2026-12-05T00:00:00Z', updated_at: '2026-12-05T00:00:00Z',
      })),
    );
    const user = userEvent.setup();
    renderWithProviders(<WorldForm onSubmit={vi.fn()} />);
    await user.type(screen.getByLabelText('Tên thế giới'), 'Phương Nam');
    await user.click(await screen.findByRole('button', { name: 'Viết mô tả bằng AI' }));
    await waitFor(() => expect(screen.getByLabelText('Mô tả')).toHaveValue('Sông nước miền Tây.'));
    expect(asked).toEqual({ type: 'world', world_name: 'Phương Nam', world_type: 'fantasy', language: 'vi' });
  });

  it('says why there is no AI button on a server without AI', async () => {
    renderWithProviders(<WorldForm onSubmit={vi.fn()} />);
    expect(await screen.findByText(/chưa kết nối trợ lý AI/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Viết mô tả bằng AI' })).not.toBeInTheDocument();
  });
});
