/**
 * The AI assistant in Chromium, against the fake OpenAI-compatible provider: a story written in
 * the editor names two characters; the assistant's analysis is accepted and both names light up
 * in the reader; its events go on the timeline with a relative date computed by the calendar;
 * the consistency check shows a planted contradiction beside the sentence it quotes; a selected
 * passage is rewritten with one of three suggestions.
 */
export const title = 'AI assistant';

const TEXT = 'Năm 1285, Yết Kiêu gặp Dã Tượng ở Vạn Kiếp. Ba năm sau, Dã Tượng lặn xuống sông Bạch Đằng.';

function event(title, quote, extra) {
  return {
    title, kind: 'other', quote, date_kind: 'unknown', year: 0, month: 0, day: 0, precision: 'approximate',
    anchor_index: -1, anchor_event_id: '', offset_years: 0, offset_months: 0, offset_days: 0,
    characters: [], places: [], ...extra,
  };
}

export async function run(ctx) {
  const { step, check, api, registerViaApi, newPage, signInThroughUi, browser, server, desktop, scriptAi } = ctx;
  const writer = await registerViaApi('ai_writer');
  const { world } = await api('POST', '/worlds', { token: writer.token, body: { name: `Bạch Đằng ${Date.now()}`, language: 'vi' } });
  const w = world.world_id;
  const elephant = (await api('POST', `/worlds/${w}/entities`, {
    token: writer.token, body: { name: 'Dã Tượng', entity_type: 'character', description: 'Sợ nước, chưa từng xuống sông.' },
  })).entity;
  const { story } = await api('POST', '/stories', { token: writer.token, body: { world_id: w, title: 'Hội quân' } });

  const context = await browser.newContext({ viewport: desktop });
  const page = await newPage(context, 'ai writer');
  await signInThroughUi(page, writer);

  await step('a story written in the editor names two characters; analysis is accepted and both light up', async () => {
    await page.goto(`${server.base}/stories/${story.story_id}/edit`);
    await page.locator('.cm-content').click();
    await page.keyboard.insertText(TEXT);
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 15_000 });
    await scriptAi('analyze_story', [{ answer: {
      characters: [
        { name: 'Yết Kiêu', quote: 'Yết Kiêu gặp Dã Tượng', description: 'Thợ lặn của Hưng Đạo Vương.' },
        { name: 'Dã Tượng', quote: 'Dã Tượng lặn xuống sông', description: '' },
      ],
      locations: [{ name: 'Vạn Kiếp', quote: 'ở Vạn Kiếp', description: 'Nơi hội quân.' }],
    } }]);
    await page.goto(`${server.base}/stories/${story.story_id}`);
    await page.getByRole('button', { name: 'Phân tích bằng AI' }).click();
    const found = page.getByRole('list', { name: 'Những gì trợ lý tìm thấy' });
    await found.waitFor();
    await page.getByRole('button', { name: 'Nhận tất cả' }).click();
    await page.getByText('Không còn gì để duyệt.').waitFor();
    await page.reload();
    const lit = page.getByTestId('highlight');
    await lit.first().waitFor();
    const names = new Set(await lit.allTextContents());
    check(names.has('Yết Kiêu') && names.has('Dã Tượng') && names.has('Vạn Kiếp'), `highlighted: ${[...names].join(', ')}`);
    const linked = (await api('GET', `/stories/${story.story_id}`, { token: writer.token })).story;
    check(linked.entity_ids.includes(elephant.entity_id) && linked.entity_ids.length === 2, `linked ${linked.entity_ids}`);
  });

  await step('its events go on the timeline, the relative one dated by the calendar', async () => {
    await scriptAi('extract_events', [{ answer: { events: [
      event('Yết Kiêu gặp Dã Tượng', 'Yết Kiêu gặp Dã Tượng ở Vạn Kiếp', {
        kind: 'meeting', date_kind: 'absolute', year: 1285, characters: ['Yết Kiêu', 'Dã Tượng'], places: ['Vạn Kiếp'],
      }),
      event('Dã Tượng xuống sông', 'Dã Tượng lặn xuống sông Bạch Đằng', {
        date_kind: 'relative', anchor_index: 0, offset_years: 3, characters: ['Dã Tượng'],
      }),
    ] } }]);
    await page.getByRole('button', { name: 'Trích sự kiện bằng AI' }).click();
    await page.getByText('Đã đặt 2 sự kiện lên dòng thời gian.').waitFor();
    await page.getByRole('link', { name: 'Mở dòng thời gian' }).click();
    const year = page.getByTestId('timeline-year').filter({ hasText: 'Dã Tượng xuống sông' });
    await year.waitFor();
    check((await year.getByRole('heading', { level: 3 }).textContent()).includes('1288'), 'the relative event sits under 1288');
  });

  await step('the consistency check shows a planted contradiction beside its sentence', async () => {
    await scriptAi('consistency_check', [{ answer: { issues: [{
      severity: 'error', quote: 'Dã Tượng lặn xuống sông Bạch Đằng', fact_kind: 'entity', fact_id: elephant.entity_id,
      fact_field: 'description', explanation: 'Dã Tượng sợ nước và chưa từng xuống sông.',
    }, {
      severity: 'info', quote: 'câu không có trong truyện', fact_kind: 'entity', fact_id: elephant.entity_id,
      fact_field: 'description', explanation: 'bịa',
    }] } }]);
    await page.goto(`${server.base}/stories/${story.story_id}`);
    await page.getByRole('button', { name: 'Kiểm tra mâu thuẫn bằng AI' }).click();
    const finding = page.getByTestId('consistency-finding');
    await finding.first().waitFor();
    check(await finding.count() === 1, 'one finding is shown (the made-up quote is dropped)');
    check((await finding.locator('mark').textContent()) === 'Dã Tượng lặn xuống sông Bạch Đằng', 'the quote is marked in its sentence');
    check((await finding.textContent()).includes('Dữ kiện: Dã Tượng'), 'the fact is named');
  });

  await step('a selected passage is rewritten: three suggestions, the chosen one replaces it', async () => {
    const rewritten = 'Ba năm sau, Dã Tượng lội qua khúc sông cạn.';
    await scriptAi('rewrite', [{ answer: { suggestions: ['Một.', rewritten, 'Ba.'] } }]);
    await page.goto(`${server.base}/stories/${story.story_id}/edit`);
    await page.locator('[data-save-status]').waitFor();
    const sentence = 'Ba năm sau, Dã Tượng lặn xuống sông Bạch Đằng.';
    // Select the sentence as a mouse would: a DOM selection CodeMirror takes as its own.
    await page.locator('.cm-content').evaluate((node, wanted) => {
      const text = node.textContent;
      const start = text.indexOf(wanted);
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let startNode = null; let startOffset = 0; let endNode = null; let endOffset = 0;
      while (walker.nextNode()) {
        const current = walker.currentNode;
        const length = current.textContent.length;
        if (!startNode && start < offset + length) { startNode = current; startOffset = start - offset; }
        if (startNode && start + wanted.length <= offset + length) { endNode = current; endOffset = start + wanted.length - offset; break; }
        offset += length;
      }
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }, sentence);
    await page.waitForTimeout(100);
    await page.getByRole('button', { name: 'Viết lại đoạn đã chọn' }).click();
    await page.getByRole('button', { name: 'Dùng gợi ý 2' }).click();
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 15_000 });
    let saved = '';
    for (let tries = 0; tries < 40 && !saved.includes(rewritten); tries += 1) {
      saved = (await api('GET', `/stories/${story.story_id}`, { token: writer.token })).story.content;
      if (!saved.includes(rewritten)) await page.waitForTimeout(250);
    }
    check(saved.includes(rewritten) && !saved.includes(sentence) && saved.startsWith('Năm 1285'), `saved: ${saved}`);
  });

  await step('My AI tasks lists the four tasks with their usage', async () => {
    await page.goto(`${server.base}/ai/tasks`);
    await page.getByTestId('ai-task').first().waitFor();
    check(await page.getByTestId('ai-task').count() === 4, 'four tasks listed');
  });

  await context.close();
}
