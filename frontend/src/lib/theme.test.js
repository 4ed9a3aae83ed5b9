import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { THEME_KEY, resolveTheme, setThemeChoice, storedThemeChoice, useTheme, watchTheme } from './theme';

/** A stand-in for `matchMedia('(prefers-color-scheme: dark)')` whose answer the test flips. */
function fakeSystem(dark) {
  const listeners = new Set();
  const query = {
    matches: dark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (type, listener) => listeners.add(listener),
    removeEventListener: (type, listener) => listeners.delete(listener),
  };
  window.matchMedia = () => query;
  return {
    listeners,
    set(next) {
      query.matches = next;
      listeners.forEach((listener) => listener({ matches: next }));
    },
  };
}

const dataTheme = () => document.documentElement.getAttribute('data-theme');
let stop = () => {};

beforeEach(() => document.documentElement.removeAttribute('data-theme'));
afterEach(() => {
  stop();
  stop = () => {};
  delete window.matchMedia;
});

describe('theme', () => {
  it('follows the system by default', () => {
    fakeSystem(true);
    expect(storedThemeChoice()).toBe('system');
    stop = watchTheme();
    expect(dataTheme()).toBe('storyloom-dark');

    stop();
    fakeSystem(false);
    stop = watchTheme();
    expect(dataTheme()).toBe('storyloom');
  });

  it('is light where the browser cannot tell', () => {
    expect(resolveTheme('system')).toBe('storyloom');
    stop = watchTheme();
    expect(dataTheme()).toBe('storyloom');
  });

  it('remembers a choice and applies it at once', () => {
    fakeSystem(false);
    setThemeChoice('dark');
    expect(window.localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(storedThemeChoice()).toBe('dark');
    expect(dataTheme()).toBe('storyloom-dark');

    setThemeChoice('light');
    expect(window.localStorage.getItem(THEME_KEY)).toBe('light');
    expect(dataTheme()).toBe('storyloom');

    window.localStorage.setItem(THEME_KEY, 'purple');
    expect(storedThemeChoice()).toBe('system');
  });

  it('switches live when the system does, on "system" only', () => {
    const system = fakeSystem(false);
    stop = watchTheme();
    const { result } = renderHook(() => useTheme());
    expect(result.current).toMatchObject({ choice: 'system', theme: 'storyloom' });

    act(() => system.set(true));
    expect(dataTheme()).toBe('storyloom-dark');
    expect(result.current.theme).toBe('storyloom-dark');

    act(() => result.current.setChoice('light'));
    expect(result.current).toMatchObject({ choice: 'light', theme: 'storyloom' });
    act(() => system.set(false));
    act(() => system.set(true));
    expect(dataTheme()).toBe('storyloom');

    stop();
    expect(system.listeners.size).toBe(0);
  });

  it('applies a choice made in another tab', () => {
    fakeSystem(false);
    stop = watchTheme();
    window.localStorage.setItem(THEME_KEY, 'dark');
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY, newValue: 'dark' })));
    expect(dataTheme()).toBe('storyloom-dark');
  });

  it('agrees with the inline script in index.html that runs before the page paints', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../../index.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(script).toBeTruthy();
    for (const dark of [false, true]) {
      for (const stored of [null, 'system', 'light', 'dark', 'nonsense']) {
        fakeSystem(dark);
        if (stored === null) window.localStorage.removeItem(THEME_KEY);
        else window.localStorage.setItem(THEME_KEY, stored);
        document.documentElement.removeAttribute('data-theme');
        new Function(script)();
        expect(dataTheme(), `system ${dark ? 'dark' : 'light'}, stored ${stored}`).toBe(resolveTheme(storedThemeChoice()));
      }
    }
  });
});
