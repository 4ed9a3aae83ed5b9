import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity, makeUser, makeWorld, page } from '../../../test/fixtures';
import { worldModelHandlers } from '../../../test/world-model';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';

function jsonFile(text, name = 'world.json') {
  return new File([text], name, { type: 'application/json' });
}

function worldsPage() {
  server.use(
    http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
    http.get(`${API}/worlds`, () => ok(page([]))),
  );
  signIn();
}

describe('import a world', () => {
  it('says plainly when the file is not JSON, or too large, without calling the API', async () => {
    worldsPage();
    let posted = false;
    server.use(http.post(`${API}/worlds/import`, () => { posted = true; return ok({}); }));
    const user = userEvent.setup();
    renderApp('/worlds');
    const input = await screen.findByLabelText(/Chọn tệp để nhập thế giới/);

    await user.upload(input, jsonFile('{ "format": oops'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tệp này không phải JSON hợp lệ.');
    const huge = jsonFile('{}');
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(input, huge);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Tệp quá lớn (tối đa 10 MB).'));
    await user.upload(input, new File(['not a picture'], 'Seraphina.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Tệp .png này không phải một ảnh PNG (thẻ nhân vật) đọc được.'));
    expect(posted).toBe(false);
  });

  it('shows what the server refused, with its details, and creates nothing', async () => {
    worldsPage();
    server.use(http.post(`${API}/worlds/import`, () => fail('2001', 400, { fields: { 'bundle.world.name': 'String should have at least 1 character' } })));
    const user = userEvent.setup();
    renderApp('/worlds');
    await user.upload(await screen.findByLabelText(/Chọn tệp để nhập thế giới/), jsonFile('{"format": "storyloom.world", "version": 1, "world": {"name": ""}}'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không nhập được tệp');
    expect(alert).toHaveTextContent('Tệp có dữ liệu không hợp lệ nên không có gì được tạo.');
    expect(within(alert).getByText('bundle.world.name: String should have at least 1 character')).toBeInTheDocument();
  });

  it('tells a too-large answer (2006) apart', async () => {
    worldsPage();
    server.use(http.post(`${API}/worlds/import`, () => fail('2006', 413)));
    const user = userEvent.setup();
    renderApp('/worlds');
    await user.upload(await screen.findByLabelText(/Chọn tệp để nhập thế giới/), jsonFile('{"entries": {}}', 'lore.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tệp quá lớn đối với máy chủ (tối đa 10 MB). Không có gì được tạo.');
  });

  it('explains a format the API does not read (2001), and the page keeps working', async () => {
    worldsPage();
    server.use(http.post(`${API}/worlds/import`, () => fail('2001', 400, { fields: { body: 'unknown format; reads storyloom, sillytavern, koboldai, novelai' } }, 'Unknown import format')));
    const user = userEvent.setup();
    renderApp('/worlds');
    await user.upload(await screen.findByLabelText(/Chọn tệp để nhập thế giới/), jsonFile('[1, 2, 3]'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tệp này không ở định dạng Storyloom đọc được.');
    expect(within(alert).getByText(/body: unknown format/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Thế giới', level: 1 })).toBeInTheDocument();
  });

  it('names a lorebook after its file, and lists the entries it skipped', async () => {
    worldsPage();
    let name;
    server.use(http.post(`${API}/worlds/import`, ({ request }) => {
      name = new URL(request.url).searchParams.get('name');
      return ok({ world: makeWorld({ world_id: 'lb', name }), skipped: [{ index: 2, reason: 'no keys' }] }, 201);
    }));
    const user = userEvent.setup();
    const { router } = renderApp('/worlds');
    await user.upload(await screen.findByLabelText(/Chọn tệp để nhập thế giới/), jsonFile('{"entries": {}}', 'Biên niên sử.lorebook.json'));
    const result = await screen.findByTestId('import-result');
    expect(name).toBe('Biên niên sử');
    expect(result).toHaveTextContent('Đã nhập “Biên niên sử”');
    expect(result).toHaveTextContent('Mục 2: no keys');
    expect(within(result).getByRole('link', { name: 'Mở thế giới' })).toHaveAttribute('href', '/worlds/lb');
    expect(router.state.location.pathname).toBe('/worlds');
  });

  it('sends a lorebook as it is and opens the new world', async () => {
    worldsPage();
    const lorebook = { entries: { 0: { key: ['Ức Trai'], content: 'Nhà thơ.' } } };
    let body;
    let name;
    server.use(
      http.post(`${API}/worlds/import`, async ({ request }) => {
        body = await request.json();
        name = new URL(request.url).searchParams.get('name');
        return ok({ world: makeWorld({ world_id: 'copy', name: 'Imported lorebook' }) }, 201);
      }),
      http.get(`${API}/worlds/copy`, () => ok({ world: makeWorld({ world_id: 'copy', name: 'Imported lorebook' }) })),
      http.get(`${API}/worlds/copy/stories`, () => ok(page([]))),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/worlds');
    await user.upload(await screen.findByLabelText(/Chọn tệp để nhập thế giới/), jsonFile(JSON.stringify(lorebook)));
    expect(await screen.findByRole('heading', { name: 'Imported lorebook', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/worlds/copy');
    expect(body).toEqual(lorebook);
    expect(name).toBe('world');
    expect(screen.getByText('Đã nhập thế giới “Imported lorebook”.')).toBeInTheDocument();
  });

  it('sends a character card picture as a PNG, known by its bytes whatever its name', async () => {
    worldsPage();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const sent = [];
    server.use(
      http.post(`${API}/worlds/import`, async ({ request }) => {
        sent.push({
          type: request.headers.get('Content-Type'),
          bytes: Array.from(new Uint8Array(await request.arrayBuffer())),
          name: new URL(request.url).searchParams.get('name'),
        });
        return ok({ world: makeWorld({ world_id: 'card', name: 'Seraphina' }), skipped: [{ index: 0, reason: 'x' }] }, 201);
      }),
    );
    const user = userEvent.setup({ applyAccept: false });
    renderApp('/worlds');
    const input = await screen.findByLabelText(/Chọn tệp để nhập thế giới/);
    expect(input).toHaveAttribute('accept', '.json,.lorebook,.png,application/json,image/png');
    await user.upload(input, new File([bytes], 'Seraphina.png', { type: 'image/png' }));
    await screen.findByTestId('import-result');
    await user.upload(input, new File([bytes], 'misnamed.json', { type: 'application/json' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({ type: 'image/png', bytes: Array.from(bytes), name: 'Seraphina' });
    expect(sent[1].type).toBe('image/png');
  });
});

/** Saved files are links clicked in the page: record their names instead of downloading. */
function catchDownloads() {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
  const clicked = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function record() { clicked.push(this.download); });
  return { clicked, click };
}

describe('export a world', () => {
  afterEach(() => {
    delete URL.createObjectURL;
    delete URL.revokeObjectURL;
  });

  it('downloads each format with the token and saves it under the server’s file name', async () => {
    const world = makeWorld({ world_id: 'w1', name: 'Thế giới A' });
    const seen = [];
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.get(`${API}/worlds/w1`, () => ok({ world })),
      http.get(`${API}/worlds/w1/stories`, () => ok(page([]))),
      http.get(`${API}/worlds/w1/export`, ({ request }) => {
        const url = new URL(request.url);
        seen.push([url.searchParams.get('format'), request.headers.get('Authorization')]);
        if (url.searchParams.get('format') === 'lorebook') return fail('3001', 404);
        return new HttpResponse('# Thế giới A', {
          headers: {
            'Content-Type': 'text/markdown; charset=utf-8',
            'Content-Disposition': "attachment; filename=\"The-gioi-A.md\"; filename*=UTF-8''Th%E1%BA%BF-gi%E1%BB%9Bi-A.md",
          },
        });
      }),
    );
    const { clicked, click } = catchDownloads();
    signIn('tok');
    const user = userEvent.setup();
    renderApp('/worlds/w1');

    await user.click(await screen.findByText('Xuất'));
    await user.click(screen.getByRole('button', { name: /^Markdown/ }));
    expect(await screen.findByText('Đã tải xuống Thế-giới-A.md.')).toBeInTheDocument();
    expect(clicked).toEqual(['Thế-giới-A.md']);
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);

    await user.click(screen.getByText('Xuất'));
    await user.click(screen.getByRole('button', { name: /^Lorebook/ }));
    expect(await screen.findByText('Không tìm thấy nội dung này.')).toBeInTheDocument();
    expect(seen).toEqual([['markdown', 'Bearer tok'], ['lorebook', 'Bearer tok']]);
    click.mockRestore();
  });

  it('exports a character as a character card, JSON or PNG, from the character page', async () => {
    const world = makeWorld({ world_id: 'w1', name: 'Rừng' });
    const sera = makeEntity({ entity_id: 'sera', world_id: 'w1', name: 'Seraphina' });
    const { handlers } = worldModelHandlers({ world, entities: [sera] });
    const seen = [];
    server.use(...handlers, http.get(`${API}/worlds/w1/export`, ({ request }) => {
      const url = new URL(request.url);
      seen.push([url.searchParams.get('format'), url.searchParams.get('entity_id')]);
      return new HttpResponse(new Uint8Array([0x89, 0x50]), {
        headers: { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="Seraphina.png"' },
      });
    }));
    const { clicked, click } = catchDownloads();
    signIn('tok');
    const user = userEvent.setup();
    renderApp('/worlds/w1/characters/sera');

    await user.click(await screen.findByText('Xuất thẻ nhân vật'));
    await user.click(screen.getByRole('button', { name: /^Thẻ nhân vật \(PNG\)/ }));
    expect(await screen.findByText('Đã tải xuống Seraphina.png.')).toBeInTheDocument();
    await user.click(screen.getByText('Xuất thẻ nhân vật'));
    await user.click(screen.getByRole('button', { name: /^Thẻ nhân vật \(JSON\)/ }));
    await waitFor(() => expect(seen).toEqual([['card_png', 'sera'], ['card', 'sera']]));
    expect(clicked[0]).toBe('Seraphina.png');
    click.mockRestore();
  });

  it('opens the list from the button\'s left edge when its right edge leaves no room (a phone)', async () => {
    const world = makeWorld({ world_id: 'w1', name: 'Rừng' });
    const sera = makeEntity({ entity_id: 'sera', world_id: 'w1', name: 'Seraphina' });
    server.use(...worldModelHandlers({ world, entities: [sera] }).handlers);
    signIn('tok');
    const user = userEvent.setup();
    renderApp('/worlds/w1/characters/sera');
    const summary = await screen.findByText('Xuất thẻ nhân vật');
    const menu = summary.closest('details');
    const at = (right) => vi.spyOn(menu, 'getBoundingClientRect').mockReturnValue({ left: right - 150, right, top: 0, bottom: 32, width: 150, height: 32 });

    at(1200);
    await user.click(summary);
    await waitFor(() => expect(menu).toHaveClass('dropdown-end'));
    await user.click(summary);
    at(180);
    await user.click(summary);
    await waitFor(() => expect(menu).toHaveClass('dropdown-start'));
    expect(menu).not.toHaveClass('dropdown-end');
  });
});
