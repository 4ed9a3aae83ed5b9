import { afterEach, describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, ok, server } from '../test/server';
import { makeUser, page } from '../test/fixtures';
import { renderApp, signIn } from '../test/render';
import i18n from '../lib/i18n';

const dataTheme = () => document.documentElement.getAttribute('data-theme');

afterEach(() => document.documentElement.removeAttribute('data-theme'));

describe('theme switch', () => {
  it('offers System, Light and Dark in the navbar; a choice applies at once and is remembered', async () => {
    server.use(http.get(`${API}/worlds`, () => ok(page([]))));
    const user = userEvent.setup();
    renderApp('/worlds');
    await screen.findByRole('heading', { name: 'Thế giới', level: 1 });

    const select = screen.getByRole('combobox', { name: 'Giao diện' });
    expect(select).toHaveValue('system');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Theo hệ thống', 'Sáng', 'Tối']);
    expect(dataTheme()).toBe('storyloom');

    await user.selectOptions(select, 'dark');
    expect(dataTheme()).toBe('storyloom-dark');
    expect(window.localStorage.getItem('storyloom.theme')).toBe('dark');
    expect(select).toHaveAccessibleName('Giao diện');

    await user.selectOptions(select, 'system');
    expect(dataTheme()).toBe('storyloom');
    expect(window.localStorage.getItem('storyloom.theme')).toBe('system');
  });

  it('is on the profile page too, in step with the navbar, and translated', async () => {
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.get(`${API}/worlds`, () => ok(page([]))),
    );
    signIn();
    window.localStorage.setItem('storyloom.theme', 'light');
    const user = userEvent.setup();
    renderApp('/profile');
    const section = (await screen.findByRole('heading', { name: 'Giao diện sáng hoặc tối' })).closest('section');
    const onPage = within(section).getByRole('combobox', { name: 'Giao diện' });
    expect(onPage).toHaveValue('light');

    await user.selectOptions(onPage, 'dark');
    expect(dataTheme()).toBe('storyloom-dark');
    const inNavbar = within(screen.getByRole('navigation')).getByRole('combobox', { name: 'Giao diện' });
    expect(inNavbar).toHaveValue('dark');

    await i18n.changeLanguage('en');
    expect(await within(section).findByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(within(onPage).getAllByRole('option').map((o) => o.textContent)).toEqual(['System', 'Light', 'Dark']);
  });
});
