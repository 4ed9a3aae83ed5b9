/**
 * Light or dark: the user's choice ("system", "light", "dark"), kept in localStorage, applied as
 * `data-theme` on <html>. The inline script in index.html applies the same rules before the page
 * paints; keep the two in step (theme.test.js checks they agree).
 */
import { useSyncExternalStore } from 'react';

export const THEME_KEY = 'storyloom.theme';
export const THEME_CHOICES = ['system', 'light', 'dark'];
export const THEMES = { light: 'storyloom', dark: 'storyloom-dark' };
const DARK_QUERY = '(prefers-color-scheme: dark)';

const listeners = new Set();

function darkQuery() {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** The remembered choice, "system" when there is none (or storage is blocked). */
export function storedThemeChoice() {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return THEME_CHOICES.includes(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** The DaisyUI theme a choice shows now: "system" follows the OS setting. */
export function resolveTheme(choice) {
  if (choice === 'dark' || choice === 'light') return THEMES[choice];
  return darkQuery()?.matches ? THEMES.dark : THEMES.light;
}

let snapshot = { choice: 'system', theme: THEMES.light };

function read() {
  const choice = storedThemeChoice();
  const theme = resolveTheme(choice);
  if (choice !== snapshot.choice || theme !== snapshot.theme) snapshot = { choice, theme };
  return snapshot;
}

/** Sets `data-theme` on <html> from the stored choice and the OS setting. */
export function applyTheme() {
  const { theme } = read();
  if (typeof document !== 'undefined' && document.documentElement.dataset.theme !== theme) {
    document.documentElement.dataset.theme = theme;
  }
}

function notify() {
  applyTheme();
  listeners.forEach((listener) => listener());
}

/** Remembers a choice and applies it at once. */
export function setThemeChoice(choice) {
  try {
    window.localStorage.setItem(THEME_KEY, THEME_CHOICES.includes(choice) ? choice : 'system');
  } catch {
    /* ignore: the choice still applies for this visit */
  }
  notify();
}

function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the theme now and follows the OS switching, and a choice made in another tab; returns a stop function. */
export function watchTheme() {
  applyTheme();
  const media = darkQuery();
  const onStorage = (event) => {
    if (event.key === THEME_KEY || event.key === null) notify();
  };
  media?.addEventListener('change', notify);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', notify);
    window.removeEventListener('storage', onStorage);
  };
}

/** `{ choice, theme, setChoice }`; re-renders on a new choice and, while `watchTheme` runs, when the OS switches. */
export function useTheme() {
  const { choice, theme } = useSyncExternalStore(subscribe, read);
  return { choice, theme, setChoice: setThemeChoice };
}
