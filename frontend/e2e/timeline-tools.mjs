/**
 * The timeline's tools in Chromium: an event dated relative to another follows it when it moves;
 * the calendar editor names the years and the timeline writes the new name; the graph filters its
 * edges and opens a character when its node is clicked.
 */
export const title = 'Relative dates, calendar editor and graph';

export async function run(ctx) {
  const { step, check, api, registerViaApi, newPage, signInThroughUi, browser, server, desktop } = ctx;
  const owner = await registerViaApi('tools_owner');
  const { world } = await api('POST', '/worlds', { token: owner.token, body: { name: `Lịch riêng ${Date.now()}`, visibility: 'public' } });
  const w = world.world_id;
  const ari = (await api('POST', `/worlds/${w}/entities`, { token: owner.token, body: { name: 'Ari', entity_type: 'character' } })).entity;
  const binh = (await api('POST', `/worlds/${w}/entities`, {
    token: owner.token,
    body: { name: 'Bình', entity_type: 'character', relationships: [{ target_entity_id: ari.entity_id, type: 'friend' }] },
  })).entity;
  const anchor = (await api('POST', `/worlds/${w}/events`, {
    token: owner.token, body: { title: 'Lên ngôi', year: 1300, month: 5, day: 6, entity_ids: [ari.entity_id] },
  })).event;

  const context = await browser.newContext({ viewport: desktop });
  const page = await newPage(context, 'tools owner');
  await signInThroughUi(page, owner);
  const yearOf = (title) => page.getByTestId('timeline-year').filter({ hasText: title }).getByRole('heading', { level: 3 });

  await step('an event dated "three years after" another lands there and follows it when it moves', async () => {
    await page.goto(`${server.base}/worlds/${w}/timeline`);
    await page.getByRole('button', { name: 'Sự kiện mới' }).click();
    const form = page.getByRole('form', { name: 'Sự kiện mới' });
    await form.getByLabel('Tên sự kiện').fill('Dời đô');
    await form.getByRole('radio', { name: 'Tính theo sự kiện khác' }).check();
    await form.getByLabel('Sự kiện làm mốc').selectOption(anchor.event_id);
    await form.getByLabel('+ năm').fill('3');
    await form.getByRole('button', { name: 'Thêm sự kiện' }).click();
    await page.getByText('ngày 6 tháng 5 năm 1303').first().waitFor();
    check((await yearOf('Dời đô').textContent()).includes('1303'), 'the relative event sits under 1303');

    await api('PUT', `/events/${anchor.event_id}`, { token: owner.token, body: { year: 1310, version: anchor.version } });
    await page.reload();
    await page.getByText('ngày 6 tháng 5 năm 1313').first().waitFor();
    check((await yearOf('Dời đô').textContent()).includes('1313'), 'the relative event moved with its anchor to 1313');
  });

  await step('the calendar editor names the years and the timeline writes the name', async () => {
    await page.goto(`${server.base}/worlds/${w}/calendar`);
    await page.getByLabel('Tên gọi của năm').fill('Thái Bình');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await page.getByText('Đã lưu lịch.').first().waitFor();
    const stored = (await api('GET', `/worlds/${w}`, { token: owner.token })).world.calendar;
    check(stored.year_name === 'Thái Bình', `the world's calendar holds ${JSON.stringify(stored.year_name)}`);
    await page.goto(`${server.base}/worlds/${w}/timeline`);
    await page.getByText('ngày 6 tháng 5 năm 1313 Thái Bình').first().waitFor();
  });

  await step('the graph hides an edge kind on request and opens a character from its node', async () => {
    await page.goto(`${server.base}/worlds/${w}/graph`);
    const canvas = page.getByTestId('graph-canvas');
    await page.locator('[data-testid="graph-canvas"][data-status="ready"]').waitFor();
    const edges = async () => (await canvas.getAttribute('aria-label')).match(/(\d+) liên kết/)[1];
    const before = await edges();
    check(Number(before) >= 1, `the graph draws ${before} edge(s), the friendship among them`);
    await page.getByRole('checkbox', { name: /Quan hệ/ }).uncheck();
    await page.waitForFunction((n) => !document.querySelector('[data-testid="graph-canvas"]').getAttribute('aria-label').includes(`${n} liên kết`), before);
    const shown = await page.evaluate(() => {
      const cy = document.querySelector('[data-testid="graph-canvas"]')._cyreg.cy;
      return cy.edges().filter((edge) => edge.data('kind') === 'relationship' && edge.style('display') !== 'none').length;
    });
    check(shown === 0, `${shown} relationship edge(s) still drawn after hiding them`);
    await page.getByRole('checkbox', { name: /Quan hệ/ }).check();
    // Where cytoscape drew Bình's node, on the page.
    const point = await page.evaluate((id) => {
      const element = document.querySelector('[data-testid="graph-canvas"]');
      const cy = element._cyreg && element._cyreg.cy;
      const node = cy && cy.nodes().filter((n) => n.data('node') && n.data('node').id === id)[0];
      if (!node) return null;
      const box = element.getBoundingClientRect();
      const at = node.renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y };
    }, binh.entity_id);
    check(point !== null, "Bình's node is drawn");
    await page.mouse.click(point.x, point.y);
    await page.waitForURL((url) => url.pathname === `/worlds/${w}/characters/${binh.entity_id}`);
    await page.getByRole('heading', { name: 'Bình' }).first().waitFor();
  });

  await context.close();

  await step('at 320 px the timeline, graph, calendar and search pages fit, and a new event is a few Tab presses away', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const small = await newPage(narrow, 'tools at 320 px');
    await signInThroughUi(small, owner);
    for (const [path, ready] of [
      [`/worlds/${w}/timeline`, (p) => p.getByText('Dời đô').first().waitFor()],
      [`/worlds/${w}/graph`, (p) => p.locator('[data-testid="graph-canvas"][data-status="ready"]').waitFor()],
      [`/worlds/${w}/calendar`, (p) => p.getByRole('button', { name: 'Lưu lịch' }).waitFor()],
      ['/search?q=ari', (p) => p.getByRole('link', { name: /Ari/ }).first().waitFor()],
    ]) {
      await small.goto(`${server.base}${path}`);
      await ready(small);
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 1, `${path} is ${overflow}px wider than a 320px screen`);
    }
    await small.goto(`${server.base}/worlds/${w}/timeline`);
    await small.getByText('Dời đô').first().waitFor();
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses += 1) {
      await small.keyboard.press('Tab');
      reached = await small.evaluate(() => document.activeElement?.textContent?.trim() === 'Sự kiện mới');
    }
    check(reached, 'Tab never reached "Sự kiện mới"');
    await small.keyboard.press('Enter');
    await small.getByRole('form', { name: 'Sự kiện mới' }).getByLabel('Tên sự kiện').waitFor();
    await narrow.close();
  });
}
