import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeUser } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';

const template = (name, version = 1) => ({
  template_id: `id-${name}`, name, system_prompt: `You are ${name}.`, user_prompt_template: 'Story: $text',
  output_format_schema: { type: 'object', properties: {}, required: [], additionalProperties: false },
  active: true, version, updated_at: '2026-12-05T00:00:00Z',
});

describe('prompt templates in the admin area', () => {
  it('edits a template, shows the new version, and names a field the server refuses', async () => {
    const puts = [];
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser({ role: 'admin' }) })),
      http.get(`${API}/admin/prompt-templates`, () => ok({ items: [template('analyze_story'), template('rewrite')] })),
      http.put(`${API}/admin/prompt-templates/:name`, async ({ params, request }) => {
        const body = await request.json();
        puts.push({ name: params.name, body });
        if (body.user_prompt_template?.includes('$secret')) {
          return fail('2001', 400, { fields: { user_prompt_template: 'unknown input(s) secret' } });
        }
        return ok({ ...template(params.name, 2), ...body });
      }),
    );
    signIn();
    const user = userEvent.setup();
    renderApp('/admin/prompts');
    const form = await screen.findByRole('form', { name: 'Sửa mẫu analyze_story' });
    const system = within(form).getByLabelText(/Lời nhắc hệ thống/);
    await user.clear(system);
    await user.type(system, 'Bạn đọc truyện.');
    await user.click(within(form).getByRole('button', { name: 'Lưu mẫu' }));
    expect(await screen.findByText('Đã lưu analyze_story, phiên bản 2.')).toBeInTheDocument();
    expect(puts[0].body.system_prompt).toBe('Bạn đọc truyện.');
    expect(puts[0].body.output_format_schema.type).toBe('object');
    expect(screen.getByRole('option', { name: 'analyze_story (phiên bản 2)' })).toBeInTheDocument();

    const again = await screen.findByRole('form', { name: 'Sửa mẫu analyze_story' });
    const prompt = within(again).getByLabelText('Lời nhắc người dùng');
    await user.clear(prompt);
    await user.type(prompt, 'Story: $$text and $$secret'.replace(/\$\$/g, '$'));
    await user.click(within(again).getByRole('button', { name: 'Lưu mẫu' }));
    await waitFor(() => expect(within(again).getByLabelText('Lời nhắc người dùng')).toHaveAccessibleDescription(/unknown input\(s\) secret/));
  });
});
