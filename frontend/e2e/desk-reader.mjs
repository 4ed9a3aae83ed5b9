/**
 * The reader in Chromium: Markdown a co-author wrote is rendered as formatting, and nothing in it
 * (raw HTML, javascript: links, images with handlers) runs in another reader's browser.
 */
export const title = 'Writer\'s desk (story reader)';

const PAYLOADS = [
  '<script>window.__owned = "script"</script>',
  '<img src=x onerror="window.__owned = \'img\'">',
  '[bấm vào đây](javascript:window.__owned=\'link\')',
  '[bấm nữa](JaVaScRiPt:window.__owned=\'link2\')',
  '![ảnh](javascript:window.__owned=\'image\')',
  '<svg onload="window.__owned = \'svg\'"></svg>',
  '<iframe src="javascript:parent.__owned=\'iframe\'"></iframe>',
  '<a href="javascript:window.__owned=\'raw\'">raw link</a>',
];

export async function run(ctx) {
  const { step, check, api, registerViaApi, newPage, signInThroughUi, browser, server, desktop } = ctx;
  const owner = await registerViaApi('reader_owner');
  const coauthor = await registerViaApi('reader_coauthor');
  const { world } = await api('POST', '/worlds', { token: owner.token, body: { name: `Thư viện ${Date.now()}` } });
  await api('POST', `/worlds/${world.world_id}/share`, { token: owner.token, body: { usernames: [coauthor.username], role: 'editor' } });
  const { entity } = await api('POST', `/worlds/${world.world_id}/entities`, { token: coauthor.token, body: { name: 'Cám', entity_type: 'character' } });
  const content = ['# Chương độc', '', 'Cám đọc **chữ đậm** và _chữ nghiêng_.', '', '- một', '- hai', '', ...PAYLOADS.flatMap((p) => [p, ''])].join('\n');
  const { story } = await api('POST', '/stories', { token: coauthor.token, body: { world_id: world.world_id, title: 'Bẫy', content } });
  await api('POST', `/stories/${story.story_id}/link-entities`, { token: coauthor.token, body: { entity_ids: [entity.entity_id] } });

  await step('Markdown renders, and raw HTML, javascript: links and handlers written by a co-author stay inert', async () => {
    const context = await browser.newContext({ viewport: desktop });
    try {
      const page = await newPage(context, 'reader owner');
      const dialogs = [];
      page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
      await signInThroughUi(page, owner);
      await page.goto(`${server.base}/stories/${story.story_id}`);
      const text = page.getByTestId('story-content');
      await text.waitFor();
      await text.getByRole('heading', { level: 2, name: 'Chương độc' }).waitFor();
      check(await text.locator('strong', { hasText: 'chữ đậm' }).count() === 1, 'bold text is not bold');
      check(await text.locator('em', { hasText: 'chữ nghiêng' }).count() === 1, 'italic text is not italic');
      check(await text.locator('ul > li').count() === 2, 'the list is not a list');
      const name = text.getByRole('link', { name: 'Cám' }).first();
      check((await name.getAttribute('href')) === `/worlds/${world.world_id}/characters/${entity.entity_id}`, 'the character name is not a link to her page');
      check(await text.locator('script, iframe, svg, img').count() === 0, 'an HTML element from the text made it into the page');
      check(await text.getByText('<script>window.__owned = "script"</script>').count() === 1, 'raw HTML is not shown as text');
      for (const link of await text.locator('a').all()) {
        const href = (await link.getAttribute('href')) ?? '';
        check(!/^\s*javascript:/i.test(href), `a javascript: link is in the page: ${href}`);
      }
      // Clicking what looks like a link must not run anything either.
      await text.getByText('bấm vào đây').click();
      await page.waitForTimeout(300);
      const owned = await page.evaluate(() => window.__owned ?? null);
      check(owned === null, `a payload ran: ${owned}`);
      check(dialogs.length === 0, `a dialog opened: ${dialogs.join(', ')}`);
    } finally {
      await context.close();
    }
  });
}
