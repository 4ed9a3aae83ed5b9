import { describe, expect, it } from 'vitest';
import { isAppPath, safeNext, signInPath } from './safe-next';

describe('safeNext: where signing in may lead', () => {
  it.each([
    '/worlds/w1',
    '/worlds/w1/places?page=2&q=H%C3%A0%20N%E1%BB%99i',
    '/stories/s1/edit',
    '/',
  ])('follows a path of this app: %s', (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([
    ['another host', '//evil.example/'],
    ['a backslash host', '/\\evil.example/'],
    ['an escaped backslash (crashed the page)', '/%5Cevil.example/'],
    ['an escaped backslash in lower case', '/%5cevil.example'],
    ['a doubly escaped backslash', '/%255Cevil.example/'],
    ['escaped slashes', '/%2F%2Fevil.example/'],
    ['a scheme', 'https://evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['a malformed escape', '/worlds/%E0%A4%A'],
    ['a tab hiding a host', '/\t/evil.example'],
    ['a relative path', 'worlds'],
    ['nothing', null],
    ['an empty string', ''],
  ])('ignores %s and goes to the dashboard', (_label, value) => {
    expect(isAppPath(value)).toBe(false);
    expect(safeNext(value)).toBe('/');
  });
});

describe('signInPath', () => {
  it('comes back to the page, with its search string', () => {
    expect(signInPath('/worlds/w1?tab=places')).toBe('/sign-in?next=%2Fworlds%2Fw1%3Ftab%3Dplaces');
  });

  it('never points sign-in back at itself', () => {
    expect(signInPath('/sign-in?next=%2Fx')).toBe('/sign-in');
  });
});
