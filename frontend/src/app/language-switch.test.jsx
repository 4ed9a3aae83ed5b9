import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, ok, server } from '../test/server';
import { makeWorld, page } from '../test/fixtures';
import { renderApp } from '../test/render';

describe('language', () => {
  it('is Vietnamese by default', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Dệt nên thế giới của bạn, từng sợi chỉ một' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');
    // The title is set in an effect, which may run just after the heading shows on a busy machine.
    await waitFor(() => expect(document.title).toBe('Chào mừng · Storyloom'));
  });

  it('switches from the navbar at once, and is remembered', async () => {
    server.use(http.get(`${API}/worlds`, () => ok(page([makeWorld({ name: 'Avalon', visibility: 'public' })]))));
    const user = userEvent.setup();
    renderApp('/worlds');
    expect(await screen.findByRole('heading', { name: 'Thế giới', level: 1 })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), 'en');

    expect(await screen.findByRole('heading', { name: 'Worlds', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Search by name')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Avalon' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Worlds · Storyloom'));
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('storyloom.language')).toBe('en');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'vi');
    expect(await screen.findByRole('heading', { name: 'Thế giới', level: 1 })).toBeInTheDocument();
    expect(window.localStorage.getItem('storyloom.language')).toBe('vi');
  });

  it('shows a friendly not-found page for an unknown address', async () => {
    renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang' })).toBeInTheDocument();
  });
});
