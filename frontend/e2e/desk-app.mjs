/**
 * The writer's desk, app-wide (issue 9): a session the API ends (revoked token, ban) lands on
 * sign-in once with `next`, never on a 404; a `next` that is not a path of the app is ignored;
 * a viewer reads what they may not do; a world edited in two tabs recovers from 3004 keeping what
 * was typed; a 200-character unbroken name never widens a 320 px page; imports explain
 * themselves; a character card goes out as a PNG and comes back in as a world.
 */
import { readFile } from 'node:fs/promises';

export const title = 'Writer\'s desk: sessions, conflicts, limits and imports';

const SESSION_ENDED = 'Phiên đăng nhập đã kết thúc — vui lòng đăng nhập lại';
const BANNED = 'Tài khoản của bạn đã bị cấm nên bạn đã bị đăng xuất.';

/** Fill the sign-in form already on screen and submit it. */
async function signInHere(page, { username, password }) {
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** A browser context already signed in with `token` (as if the user had signed in before). */
async function signedInContext(ctx, token, viewport = ctx.desktop) {
  const context = await ctx.browser.newContext({ viewport, locale: 'vi-VN' });
  await context.addInitScript((value) => {
    if (!window.sessionStorage.getItem('desk-e2e-init')) {
      window.localStorage.setItem('storyloom.token', value);
      window.sessionStorage.setItem('desk-e2e-init', '1');
    }
  }, token);
  return context;
}

/** No "404 not found" anywhere on the page. */
async function checkNo404(ctx, page, where) {
  ctx.check(await page.getByTestId('not-found').count() === 0, `${where}: a not-found page is shown`);
  const text = await page.locator('main').innerText();
  ctx.check(!/\b404\b/.test(text), `${where}: "404" is on the page`);
}

async function toastCount(page) {
  return page.getByTestId('toast').count();
}

export async function run(ctx) {
  const { step, check, api, registerViaApi, server, newPage } = ctx;
  const base = server.base;

  await step('a revoked token: signed out once, one toast, sign-in with next (no 404), and back after signing in', async () => {
    const writer = await registerViaApi('expiry');
    const world = (await api('POST', '/worlds', { token: writer.token, body: { name: 'Thế giới riêng', visibility: 'private' } })).world;
    const context = await ctx.browser.newContext({ viewport: ctx.desktop, locale: 'vi-VN' });
    const page = await newPage(context, 'session expiry');
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await ctx.signInThroughUi(page, writer);
    await page.goto(`${base}/worlds/${world.world_id}`);
    await page.getByRole('heading', { name: 'Thế giới riêng', level: 1 }).waitFor();
    const token = await page.evaluate(() => window.localStorage.getItem('storyloom.token'));
    // The session ends elsewhere: the same token is logged out through the API.
    await api('POST', '/auth/logout', { token });

    // A reload would lose this mark (and what the page kept in memory); the router keeps it.
    await page.evaluate(() => { window.__deskMark = 'kept'; });
    await page.getByRole('tab', { name: 'Nhân vật' }).or(page.getByRole('link', { name: 'Nhân vật' })).first().click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText(SESSION_ENDED).waitFor();
    const next = new URL(page.url()).searchParams.get('next');
    check(next && next.startsWith(`/worlds/${world.world_id}`), `next is ${next}`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.waitForTimeout(500);
    check(await toastCount(page) === 1, `${await toastCount(page)} toasts`);
    await checkNo404(ctx, page, 'after the session ended');
    check(await page.evaluate(() => window.__deskMark) === 'kept', 'the page was reloaded (the router should navigate)');

    await signInHere(page, writer);
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
    await page.getByRole('heading', { name: 'Thế giới riêng', level: 1 }).waitFor();
    check(problems.length === 0, `uncaught errors: ${problems.join('; ')}`);
    await context.close();
  });

  await step('a ban: the next action lands on sign-in saying the account is banned', async () => {
    const victim = await registerViaApi('banned');
    const adminToken = (await api('POST', '/auth/login', { body: { username: ctx.admin.username, password: ctx.admin.password } })).token;
    const context = await ctx.browser.newContext({ viewport: ctx.desktop, locale: 'vi-VN' });
    const page = await newPage(context, 'ban');
    await ctx.signInThroughUi(page, victim);
    await api('POST', `/admin/users/${victim.user.user_id}/ban`, { token: adminToken, body: { banned: true, reason: 'Spam' } });

    await page.getByRole('link', { name: 'Thế giới', exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText(BANNED).waitFor();
    await page.waitForTimeout(500);
    check(await toastCount(page) === 1, `${await toastCount(page)} toasts`);
    check(await page.evaluate(() => window.localStorage.getItem('storyloom.token')) === null, 'the token is still stored');
    await checkNo404(ctx, page, 'after the ban');
    await context.close();
  });

  await step('sign-in with next=/%5Cevil.example/ goes to the dashboard, without a crash', async () => {
    const user = await registerViaApi('nexter');
    const context = await ctx.browser.newContext({ viewport: ctx.desktop, locale: 'vi-VN' });
    const page = await newPage(context, 'unsafe next');
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}/sign-in?next=/%5Cevil.example/`);
    await signInHere(page, user);
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    const url = new URL(page.url());
    check(url.origin === base && url.pathname === '/', `landed on ${page.url()}`);
    check(problems.length === 0, `uncaught errors: ${problems.join('; ')}`);
    await context.close();
  });

  await step('a viewer on a story\'s edit page, and a writer in /admin, read what they may not do (no 404)', async () => {
    const owner = await registerViaApi('owner');
    const viewer = await registerViaApi('viewer');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: 'Thế giới chung', visibility: 'private' } })).world;
    const story = (await api('POST', '/stories', { token: owner.token, body: { world_id: world.world_id, title: 'Truyện chung', content: 'Một dòng.' } })).story;
    await api('POST', `/worlds/${world.world_id}/share`, { token: owner.token, body: { usernames: [viewer.username], role: 'viewer' } });

    const context = await signedInContext(ctx, viewer.token);
    const page = await newPage(context, 'viewer');
    await page.goto(`${base}/stories/${story.story_id}/edit`);
    await page.getByRole('heading', { name: 'Bạn không được sửa truyện này ở đây', level: 1 }).waitFor();
    await checkNo404(ctx, page, 'story edit as viewer');
    await page.getByRole('main').getByRole('link', { name: 'Đọc', exact: true }).click();
    await page.getByRole('heading', { name: 'Truyện chung', level: 1 }).waitFor();

    await page.goto(`${base}/admin`);
    await page.getByRole('heading', { name: 'Bạn không được vào khu vực quản trị', level: 1 }).waitFor();
    await checkNo404(ctx, page, 'admin as a writer');
    await context.close();
  });

  await step('a world edited in two tabs: the later save meets 3004, Reload keeps the typed text, saving again keeps both', async () => {
    const owner = await registerViaApi('twotabs');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: 'Đất Phương Nam', description: 'Bản đầu.' } })).world;
    const first = await signedInContext(ctx, owner.token);
    const second = await signedInContext(ctx, owner.token);
    const a = await newPage(first, 'tab A');
    const b = await newPage(second, 'tab B');
    for (const page of [a, b]) {
      await page.goto(`${base}/worlds/${world.world_id}/edit`);
      await page.getByLabel('Tên thế giới').waitFor();
    }
    await b.getByLabel('Tên thế giới').fill('Đất Phương Nam mới');
    await b.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await b.getByRole('heading', { name: 'Đất Phương Nam mới', level: 1 }).waitFor();

    await a.getByLabel('Mô tả').fill('Mô tả do A viết, không được mất.');
    await a.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await a.getByText('Người khác đã sửa thế giới này từ lúc bạn mở nó').waitFor();
    check(await a.getByLabel('Mô tả').inputValue() === 'Mô tả do A viết, không được mất.', 'A lost the typed text on the conflict');
    await a.getByRole('button', { name: 'Tải lại' }).click();
    check(await a.getByLabel('Mô tả').inputValue() === 'Mô tả do A viết, không được mất.', 'Reload lost the typed text');
    check(await a.getByLabel('Tên thế giới').inputValue() === 'Đất Phương Nam mới', 'Reload did not take the other tab\'s name');
    await a.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await a.getByRole('heading', { name: 'Đất Phương Nam mới', level: 1 }).waitFor();
    const saved = (await api('GET', `/worlds/${world.world_id}`, { token: owner.token })).world;
    check(saved.name === 'Đất Phương Nam mới' && saved.description === 'Mô tả do A viết, không được mất.', `saved: ${saved.name} / ${saved.description}`);
    await first.close();
    await second.close();
  });

  await step('at 375 px a toast covers no control (a form\'s submit button at the bottom of the screen)', async () => {
    const owner = await registerViaApi('toaster');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: 'Thế giới thử thông báo' } })).world;
    const context = await signedInContext(ctx, owner.token, ctx.mobile);
    const page = await newPage(context, 'toast');
    await page.goto(`${base}/worlds/${world.world_id}`);
    const panel = page.getByRole('region', { name: 'Chế độ hiển thị' }).or(page.locator('section', { hasText: 'Chế độ hiển thị' })).first();
    await panel.getByText('Bản nháp', { exact: true }).click();
    const save = panel.getByRole('button', { name: 'Lưu', exact: true });
    await save.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await save.click();
    const toast = page.getByTestId('toast').first();
    await toast.waitFor();
    await page.waitForTimeout(200);
    const covered = await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="toast"]').getBoundingClientRect();
      const over = (r) => r.left < notice.right && notice.left < r.right && r.top < notice.bottom && notice.top < r.bottom;
      return [...document.querySelectorAll('header a, header button, header select, form button, form input, form select, form textarea, .sticky')]
        .filter((el) => !el.closest('[data-testid="toast"]'))
        // Only what is drawn: a closed menu's items keep a layout box, but nobody sees or reaches them.
        .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && over(r); })
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`);
    });
    check(covered.length === 0, `the toast covers: ${covered.join(', ')}`);
    check(await page.getByRole('status').filter({ has: toast }).getAttribute('aria-live') === 'polite', 'the toast region is not aria-live polite');
    await context.close();
  });

  await step('at 320 px a 200-character unbroken name widens no page', async () => {
    const owner = await registerViaApi('longname');
    const long = (letter) => letter.repeat(200);
    const other = await registerViaApi('sharer');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: long('W').slice(0, 120), description: long('D') } })).world;
    const story = (await api('POST', '/stories', { token: owner.token, body: { world_id: world.world_id, title: long('T'), content: `${long('C')} và tiếp.` } })).story;
    const entity = (await api('POST', `/worlds/${world.world_id}/entities`, { token: owner.token, body: { name: long('E').slice(0, 120), description: long('x') } })).entity;
    const place = (await api('POST', `/worlds/${world.world_id}/locations`, { token: owner.token, body: { name: long('P').slice(0, 120), description: long('y') } })).location;
    const shared = (await api('POST', '/worlds', { token: other.token, body: { name: long('S').slice(0, 120) } })).world;
    await api('POST', `/worlds/${shared.world_id}/share`, { token: other.token, body: { usernames: [owner.username], role: 'editor' } });

    const context = await signedInContext(ctx, owner.token, { width: 320, height: 700 });
    const page = await newPage(context, '320 px');
    const wide = [];
    const pages = [
      '/', '/worlds', `/worlds/${world.world_id}`, `/worlds/${world.world_id}/characters`, `/worlds/${world.world_id}/places`,
      `/worlds/${world.world_id}/characters/${entity.entity_id}`, `/worlds/${world.world_id}/places/${place.location_id}`,
      `/worlds/${world.world_id}/edit`, `/worlds/${world.world_id}/characters/${entity.entity_id}/edit`,
      `/stories/${story.story_id}`,
    ];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('main h1, main h2').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) {
        const culprits = await page.evaluate(() => [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > 321 && [...el.children].every((c) => c.getBoundingClientRect().right <= 321))
          .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 4).join('.')}`));
        wide.push(`${path}: ${width}px (${culprits.join(', ')})`);
      }
    }
    check(wide.length === 0, `pages wider than 320 px: ${wide.join(', ')}`);
    await context.close();
  });

  await step('a world\'s language: chosen on the form, kept by the API', async () => {
    const owner = await registerViaApi('lang');
    const context = await signedInContext(ctx, owner.token);
    const page = await newPage(context, 'language');
    await page.goto(`${base}/worlds/new`);
    check(await page.getByLabel('Ngôn ngữ của thế giới').inputValue() === 'vi', 'a new world in the Vietnamese interface is not Vietnamese');
    await page.getByLabel('Tên thế giới').fill('Camelot');
    await page.getByLabel('Ngôn ngữ của thế giới').selectOption('en');
    await page.getByRole('button', { name: 'Tạo thế giới' }).click();
    await page.getByRole('heading', { name: 'Camelot', level: 1 }).waitFor();
    const id = new URL(page.url()).pathname.split('/')[2];
    check((await api('GET', `/worlds/${id}`, { token: owner.token })).world.language === 'en', 'the world is not in English');
    await page.goto(`${base}/worlds/${id}/edit`);
    check(await page.getByLabel('Ngôn ngữ của thế giới').inputValue() === 'en', 'the edit form does not show English');
    await context.close();
  });

  await step('import: a bad file explains itself in place; a lorebook without a name takes the file\'s', async () => {
    const owner = await registerViaApi('importer');
    const context = await signedInContext(ctx, owner.token);
    const page = await newPage(context, 'import');
    await page.goto(`${base}/worlds`);
    const input = page.getByLabel(/Chọn tệp để nhập thế giới/);
    await input.setInputFiles({ name: 'hỏng.json', mimeType: 'application/json', buffer: Buffer.from('{ "entries": oops') });
    await page.getByRole('alert').getByText('Tệp này không phải JSON hợp lệ.').waitFor();
    await page.getByRole('heading', { name: 'Thế giới', level: 1 }).waitFor();

    await input.setInputFiles({ name: 'la-lung.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ hello: 'world' })) });
    await page.getByRole('alert').getByText('Không nhập được tệp').waitFor();
    await page.getByRole('heading', { name: 'Thế giới', level: 1 }).waitFor();

    const lorebook = { entries: { 0: { uid: 0, key: ['Ức Trai'], content: 'Nhà thơ, nhà chiến lược.' }, 1: { uid: 1, key: ['Lam Sơn'], content: 'Quê hương khởi nghĩa.' } } };
    await input.setInputFiles({ name: 'Sổ tay Lam Sơn.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lorebook)) });
    await page.getByRole('heading', { name: 'Sổ tay Lam Sơn', level: 1 }).or(page.getByTestId('import-result')).first().waitFor();
    const worlds = (await api('GET', '/worlds?scope=mine', { token: owner.token })).items.map((w) => w.name);
    check(worlds.includes('Sổ tay Lam Sơn'), `imported world names: ${worlds.join(' | ')}`);
    await context.close();
  });

  await step('a character card: exported as a PNG from the character page, imported back as a new world with its lore', async () => {
    const owner = await registerViaApi('cards');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: 'Rừng Sương' } })).world;
    const hero = (await api('POST', `/worlds/${world.world_id}/entities`, { token: owner.token, body: { name: 'Seraphina', description: 'Người giữ rừng.', attributes: { personality: 'hiền hậu' } } })).entity;
    await api('POST', `/worlds/${world.world_id}/locations`, { token: owner.token, body: { name: 'Hà Nội', description: 'Kinh đô.' } });
    const context = await signedInContext(ctx, owner.token);
    const page = await newPage(context, 'character card');
    await page.goto(`${base}/worlds/${world.world_id}/characters/${hero.entity_id}`);
    await page.getByText('Xuất thẻ nhân vật').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Thẻ nhân vật \(PNG\)/ }).click(),
    ]);
    check(download.suggestedFilename() === 'Seraphina.png', `saved as ${download.suggestedFilename()}`);
    const picture = await readFile(await download.path());
    check(picture.subarray(1, 4).toString() === 'PNG', 'the card is not a PNG');

    await page.goto(`${base}/worlds`);
    await page.getByLabel(/Chọn tệp để nhập thế giới/).setInputFiles({ name: 'Seraphina.png', mimeType: 'image/png', buffer: picture });
    await page.getByRole('heading', { name: 'Rừng Sương (nhập)', level: 1 }).waitFor();
    const copy = new URL(page.url()).pathname.split('/')[2];
    const characters = (await api('GET', `/worlds/${copy}/entities`, { token: owner.token })).items;
    const places = (await api('GET', `/worlds/${copy}/locations`, { token: owner.token })).items;
    check(characters.some((e) => e.name === 'Seraphina' && e.attributes.personality === 'hiền hậu'), `characters: ${characters.map((e) => e.name).join(', ')}`);
    check(places.some((p) => p.name === 'Hà Nội'), `places: ${places.map((p) => p.name).join(', ')}`);
    await context.close();
  });

  await step('at 375 px the card menu opens inside the screen and the header keeps the name on one line', async () => {
    const owner = await registerViaApi('phonecards');
    const world = (await api('POST', '/worlds', { token: owner.token, body: { name: 'Rừng Sương' } })).world;
    const hero = (await api('POST', `/worlds/${world.world_id}/entities`, { token: owner.token, body: { name: 'Seraphina' } })).entity;
    const context = await signedInContext(ctx, owner.token, ctx.mobile);
    const page = await newPage(context, 'card menu on a phone');
    await page.goto(`${base}/worlds/${world.world_id}/characters/${hero.entity_id}`);
    await page.getByText('Xuất thẻ nhân vật').click();
    const item = page.getByRole('button', { name: /^Thẻ nhân vật \(PNG\)/ });
    await item.waitFor();
    const menu = await item.locator('xpath=ancestor::ul[1]').boundingBox();
    check(menu.x >= 0 && menu.x + menu.width <= ctx.mobile.width, `the menu spans ${Math.round(menu.x)}–${Math.round(menu.x + menu.width)} px of ${ctx.mobile.width}`);
    const brand = await page.getByRole('link', { name: 'Storyloom' }).first().boundingBox();
    check(brand.height <= 48, `the header's name takes ${Math.round(brand.height)} px (wrapped)`);
    await context.close();
  });
}
