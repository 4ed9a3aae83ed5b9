/**
 * The timeline and search in Chromium: an event added in the browser puts a character in two
 * places on one day, and the timeline shows the conflict with its explanation; the header's
 * search finds a place without its diacritics.
 */
export const title = 'Timeline and search';

export async function run(ctx) {
  const { step, check, api, registerViaApi, newPage, signInThroughUi, browser, server, desktop } = ctx;
  const owner = await registerViaApi('timeline_owner');
  const { world } = await api('POST', '/worlds', { token: owner.token, body: { name: `Biên niên ${Date.now()}`, visibility: 'public' } });
  const w = world.world_id;
  const { entity } = await api('POST', `/worlds/${w}/entities`, { token: owner.token, body: { name: 'Ari', entity_type: 'character' } });
  const harbour = (await api('POST', `/worlds/${w}/locations`, { token: owner.token, body: { name: 'Cảng Vân Đồn', location_type: 'town', coordinates: { x: 0, y: 0 } } })).location;
  await api('POST', `/worlds/${w}/locations`, { token: owner.token, body: { name: 'Đà Lạt', location_type: 'city', coordinates: { x: 500, y: 0 } } });
  await api('POST', `/worlds/${w}/events`, {
    token: owner.token,
    body: { title: 'Ari ở cảng', year: 1300, month: 5, day: 6, entity_ids: [entity.entity_id], location_ids: [harbour.location_id] },
  });

  const context = await browser.newContext({ viewport: desktop });
  const page = await newPage(context, 'timeline owner');
  await signInThroughUi(page, owner);

  await step('an event added in the browser makes a conflict the timeline highlights and explains', async () => {
    await page.goto(`${server.base}/worlds/${w}/timeline`);
    await page.getByRole('button', { name: 'Sự kiện mới' }).click();
    const form = page.getByRole('form', { name: 'Sự kiện mới' });
    await form.getByLabel('Tên sự kiện').fill('Ari ở Đà Lạt');
    await form.getByLabel('Năm').fill('1300');
    await form.getByLabel('Tháng').selectOption('5');
    await form.getByRole('textbox', { name: 'Ngày' }).fill('6');
    await form.getByLabel('Nhân vật').fill('Ari');
    await page.getByRole('listbox', { name: 'Nhân vật' }).getByRole('option', { name: /Ari/ }).click();
    await form.getByLabel('Địa điểm').fill('da lat');
    await page.getByRole('listbox', { name: 'Địa điểm' }).getByRole('option', { name: /Đà Lạt/ }).click();
    await form.getByRole('button', { name: 'Thêm sự kiện' }).click();
    let conflicts = [];
    for (let tries = 0; tries < 50 && !conflicts.length; tries += 1) {
      conflicts = (await api('GET', `/worlds/${w}/events`, { token: owner.token })).conflicts;
      if (!conflicts.length) await page.waitForTimeout(200);
    }
    check(conflicts.length === 1 && conflicts[0].kind === 'two_places' && conflicts[0].certainty === 'definite',
      `the API found ${JSON.stringify(conflicts)}`);
    await page.getByText(conflicts[0].explanation).first().waitFor();
  });

  await step('the header search finds "Đà Lạt" typed as "da lat"', async () => {
    const search = page.getByRole('search').getByRole('searchbox');
    await search.fill('da lat');
    await search.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'da lat');
    await page.getByRole('link', { name: /Đà Lạt/ }).first().waitFor();
  });

  await context.close();
}
