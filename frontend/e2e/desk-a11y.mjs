/**
 * Accessibility in Chromium: axe-core (WCAG 2.1 A/AA and best practices) on every main page, in
 * both themes, at 1280 and 375 px; and the API docs page working offline without errors.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const title = 'Accessibility (axe-core) and the API docs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const THEMES = ['light', 'dark'];

async function violationsOn(page, url) {
  await page.goto(url);
  await page.locator('main h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' '), summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') }));
  }, TAGS);
}

async function auditAs(ctx, label, credentials, pages, found) {
  const { browser, server, newPage, signInThroughUi } = ctx;
  for (const theme of THEMES) {
    for (const viewport of [ctx.desktop, ctx.mobile]) {
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      await context.addInitScript((value) => window.localStorage.setItem('storyloom.theme', value), theme);
      try {
        const page = await newPage(context, `a11y ${label}`);
        if (credentials) await signInThroughUi(page, credentials);
        for (const [name, path] of pages) {
          const violations = await violationsOn(page, `${server.base}${path}`);
          violations.forEach((v) => found.push(`${v.id} on ${name} (${label}, ${theme}, ${viewport.width} px): ${v.nodes} node(s), first ${v.target} — ${v.summary}`));
        }
      } finally {
        await context.close();
      }
    }
  }
}

export async function run(ctx) {
  const { step, check, api, registerViaApi, server, admin } = ctx;
  const owner = await registerViaApi('a11y_owner');
  const { world } = await api('POST', '/worlds', {
    token: owner.token,
    body: { name: 'Thế giới dễ đọc', visibility: 'public', description: 'Một thế giới để kiểm tra.', generate: { entities: 6, locations: 6, language: 'vi' } },
  });
  const w = world.world_id;
  const entities = (await api('GET', `/worlds/${w}/entities?page_size=5`, { token: owner.token })).items;
  const places = (await api('GET', `/worlds/${w}/locations?page_size=5`, { token: owner.token })).items;
  const { story } = await api('POST', '/stories', {
    token: owner.token,
    body: { world_id: w, title: 'Chuyện dễ đọc', visibility: 'public', content: `# Mở đầu\n\n${entities[0].name} đi tới ${places[0].name}.\n\n* * *\n\n- một\n- hai` },
  });
  await api('POST', `/worlds/${w}/events`, { token: owner.token, body: { title: 'Ra đời', kind: 'birth', year: 1300, month: 5, day: 6, entity_ids: [entities[0].entity_id] } });

  const publicPages = [
    ['landing', '/'], ['sign-in', '/sign-in'], ['sign-up', '/sign-up'], ['worlds', '/worlds'],
    ['world', `/worlds/${w}`], ['story reader', `/stories/${story.story_id}`], ['not found', '/no-such-page'],
  ];
  const ownerPages = [
    ['dashboard', '/'], ['world stories', `/worlds/${w}/stories`], ['world characters', `/worlds/${w}/characters`],
    ['world places', `/worlds/${w}/places`], ['world map', `/worlds/${w}/map`], ['world timeline', `/worlds/${w}/timeline`],
    ['world graph', `/worlds/${w}/graph`], ['character', `/worlds/${w}/characters/${entities[0].entity_id}`],
    ['place', `/worlds/${w}/places/${places[0].location_id}`], ['story editor', `/stories/${story.story_id}/edit`],
    ['new world', '/worlds/new'], ['world edit', `/worlds/${w}/edit`], ['calendar', `/worlds/${w}/calendar`],
    ['search', `/search?q=${encodeURIComponent(entities[0].name)}`], ['profile', '/profile'],
    ['story page with the AI assistant', `/stories/${story.story_id}`], ['my AI tasks', '/ai/tasks'],
  ];
  const adminPages = [['admin users', '/admin/users'], ['admin roles', '/admin/roles'], ['admin stats', '/admin/stats'],
    ['admin prompt templates', '/admin/prompts']];

  await step('axe-core finds no WCAG 2.1 A/AA or best-practice violation on any main page, in both themes, at 1280 and 375 px', async () => {
    const found = [];
    await auditAs(ctx, 'signed out', null, publicPages, found);
    await auditAs(ctx, 'owner', owner, ownerPages, found);
    await auditAs(ctx, 'admin', admin, adminPages, found);
    found.forEach((line) => console.log(`      ${line}`));
    check(found.length === 0, `${found.length} violation(s), listed above`);
  });

  await step('the API docs load offline: no request to another host, no script error, operations listed', async () => {
    const context = await ctx.browser.newContext({ viewport: ctx.desktop });
    try {
      const page = await context.newPage();
      const outside = [];
      const errors = [];
      page.on('request', (request) => { if (!request.url().startsWith(server.base) && !request.url().startsWith('data:')) outside.push(request.url()); });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      await page.goto(`${server.base}/api/docs/`);
      await page.locator('.opblock').first().waitFor();
      const operations = await page.locator('.opblock').count();
      check(operations >= 30, `only ${operations} operations are listed`);
      check(outside.length === 0, `requests to other hosts: ${outside.join(', ')}`);
      check(errors.length === 0, `errors: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  });
}
