import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { makeUser, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';

const W = 'world_a';

function setup({ edit = true, calendar = null, answer } = {}) {
  signIn();
  const world = makeWorld({ world_id: W, name: 'Avalon', version: 7, calendar, permissions: { edit, manage: edit, delete: edit } });
  const bodies = [];
  server.use(
    http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
    http.get(`${API}/worlds/${W}`, () => ok({ world })),
    http.get(`${API}/worlds/${W}/events`, () => ok({ years: [], connections: [], conflicts: [] })),
    http.get(`${API}/worlds/${W}/entities`, () => ok({ items: [], total: 0, page: 1, page_size: 100 })),
    http.get(`${API}/worlds/${W}/locations`, () => ok({ items: [], total: 0, page: 1, page_size: 100 })),
    http.get(`${API}/worlds/${W}/stories`, () => ok({ items: [], total: 0, page: 1, page_size: 100 })),
    http.put(`${API}/worlds/${W}`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      return answer ? answer(body, bodies.length) : ok({ world: { ...world, ...body, version: 8 } });
    }),
  );
  return { bodies };
}

const months = () => screen.getAllByTestId('calendar-month');
const preview = () => screen.getByTestId('calendar-preview-label');

describe('calendar editor', () => {
  it('starts from the default calendar and checks the leap rule and month lengths as they are typed', async () => {
    const user = userEvent.setup();
    const { bodies } = setup();
    renderApp(`/worlds/${W}/calendar`);
    await screen.findByRole('heading', { name: 'Lịch' });
    expect(months()).toHaveLength(12);
    expect(preview()).toHaveTextContent('ngày 6 tháng 5 năm 1300');
    const rule = screen.getByLabelText('Quy tắc nhuận');
    expect(rule).toHaveValue('4,!100,400');
    await user.clear(rule);
    await user.type(rule, '4,x');
    expect(rule).toHaveAccessibleDescription(/Hãy viết các số năm từ 1 đến 10000/);
    const aprilDays = within(months()[3]).getByLabelText('Số ngày');
    await user.clear(aprilDays);
    await user.type(aprilDays, '0');
    expect(aprilDays).toHaveAccessibleDescription('Một tháng có từ 1 đến 1000 ngày.');
    expect(preview()).toHaveTextContent('Hãy sửa các ô được đánh dấu để xem trước.');
    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(bodies).toHaveLength(0);
  });

  it('reorders, adds and names months, keeps the leap day on its month, adds an era, previews and saves with the version', async () => {
    const user = userEvent.setup();
    const { bodies } = setup();
    const { router } = renderApp(`/worlds/${W}/calendar`);
    await screen.findByRole('heading', { name: 'Lịch' });
    await user.type(screen.getByLabelText('Tên gọi của năm'), 'AR');
    await user.click(screen.getByLabelText(/Có năm 0/));
    await user.type(within(months()[0]).getByLabelText('Tên tháng 1'), 'Thaw');
    // February (the leap month) moves to the top: the leap day goes with it.
    await user.click(screen.getByRole('button', { name: 'Chuyển Tháng 2 lên' }));
    expect(within(months()[1]).getByLabelText('Tên tháng 2')).toHaveValue('Thaw');
    expect(screen.getByLabelText('Tháng được thêm ngày nhuận')).toHaveDisplayValue('Tháng 1');
    await user.click(screen.getByRole('button', { name: 'Thêm một tháng' }));
    expect(months()).toHaveLength(13);
    await user.type(within(months()[12]).getByLabelText('Tên tháng 13'), 'Ember');
    await user.click(screen.getByRole('button', { name: 'Thêm một kỷ nguyên' }));
    const era = screen.getAllByTestId('calendar-era')[0];
    await user.type(within(era).getByLabelText('Tên kỷ nguyên'), 'Age of Sail');
    await user.type(within(era).getByLabelText('Bắt đầu từ năm'), '-100');
    await user.type(screen.getByLabelText('Các ngày trong tuần'), 'Moonday{Enter}Sunday{Enter}');
    const travel = screen.getByLabelText('Quãng đường đi được trong một ngày');
    await user.type(travel, '-3');
    expect(travel).toHaveAccessibleDescription('Hãy nhập một số dương, hoặc để trống.');
    await user.clear(travel);
    await user.type(travel, '40');
    const sampleMonth = screen.getByLabelText('Tháng', { selector: 'input' });
    await user.clear(sampleMonth);
    await user.type(sampleMonth, '2');
    expect(preview()).toHaveTextContent('ngày 6 Thaw năm 1300 AR, Age of Sail');

    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    const { calendar, version } = bodies[0];
    expect(version).toBe(7);
    expect(calendar.year_name).toBe('AR');
    expect(calendar.year_zero).toBe(true);
    expect(calendar.months).toHaveLength(13);
    expect(calendar.months.slice(0, 3)).toEqual([{ name: '', days: 28 }, { name: 'Thaw', days: 31 }, { name: '', days: 31 }]);
    expect(calendar.months[12]).toEqual({ name: 'Ember', days: 30 });
    expect(calendar.leap).toEqual({ month: 1, rule: '4,!100,400' });
    expect(calendar.weekdays).toEqual(['Moonday', 'Sunday']);
    expect(calendar.eras).toEqual([{ name: 'Age of Sail', start_year: -100 }]);
    expect(bodies[0].travel_per_day).toBe(40);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/worlds/${W}/timeline`));
    expect(await screen.findByText('Đã lưu lịch.')).toBeInTheDocument();
  });

  it('shows the API’s field errors on the fields they name', async () => {
    const user = userEvent.setup();
    const { bodies } = setup({
      answer: () => fail('2001', 400, { fields: { 'calendar.leap.rule': 'the leap rule repeats only every 12000 years', 'calendar.months.2.days': 'a month has 1 to 1000 days' } }),
    });
    renderApp(`/worlds/${W}/calendar`);
    await screen.findByRole('heading', { name: 'Lịch' });
    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    const rule = screen.getByLabelText('Quy tắc nhuận');
    await waitFor(() => expect(rule).toHaveAttribute('aria-invalid', 'true'));
    expect(rule).toHaveAccessibleDescription(/Hãy viết các số năm/);
    expect(within(months()[2]).getByLabelText('Số ngày')).toHaveAccessibleDescription('Một tháng có từ 1 đến 1000 ngày.');
    expect(within(months()[1]).getByLabelText('Số ngày')).not.toHaveAttribute('aria-invalid');
    // Typing in the field clears the API's complaint about it.
    await user.type(rule, ' ');
    expect(rule).not.toHaveAttribute('aria-invalid');
  });

  it('says so when the new calendar would not hold the dates of some events', async () => {
    const user = userEvent.setup();
    setup({ answer: () => fail('2001', 400, { fields: { calendar: '1 event(s) would have a date outside this calendar, e.g. “Battle”: month 5 is not in it' } }) });
    renderApp(`/worlds/${W}/calendar`);
    await screen.findByRole('heading', { name: 'Lịch' });
    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(await screen.findByText(/Một số sự kiện hoặc truyện của thế giới này sẽ có ngày nằm ngoài lịch mới/)).toHaveAttribute('role', 'alert');
    expect(screen.queryByText('Một số thông tin chưa hợp lệ. Vui lòng kiểm tra lại.')).not.toBeInTheDocument();
  });

  it('keeps the edits when the world changed meanwhile and saves on the new version', async () => {
    const user = userEvent.setup();
    const { bodies } = setup({
      answer: (body, n) => (n === 1 ? fail('3004', 409, { current: makeWorld({ world_id: W, version: 9 }) }) : ok({ world: makeWorld({ world_id: W, ...body, version: 10 }) })),
    });
    renderApp(`/worlds/${W}/calendar`);
    await screen.findByRole('heading', { name: 'Lịch' });
    await user.type(screen.getByLabelText('Tên gọi của năm'), 'AR');
    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(await screen.findByText(/Có người khác đã sửa thế giới này/)).toHaveAttribute('role', 'status');
    expect(screen.getByLabelText('Tên gọi của năm')).toHaveValue('AR');
    await user.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1].version).toBe(9);
    expect(bodies[1].calendar.year_name).toBe('AR');
    expect(bodies[1]).not.toHaveProperty('travel_per_day');
  });

  it('is not offered to who may not edit the world', async () => {
    setup({ edit: false });
    renderApp(`/worlds/${W}/calendar`);
    expect(await screen.findByText('Bạn không thể sửa thế giới này')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu lịch' })).not.toBeInTheDocument();
  });
});
