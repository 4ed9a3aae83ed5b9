import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './server';
import i18n from '../lib/i18n';
import { __resetTokenForTests } from '../lib/auth-storage';
import { __resetSessionForTests } from '../lib/session';

// Pages load lazily (a dynamic import per page): give them time on a busy 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

// jsdom does not scroll; the layout scrolls to the top on navigation.
window.scrollTo = () => {};

// jsdom has no layout: CodeMirror measures text ranges in an animation frame that can land after
// a test ends, and jsdom's Range lacks the measuring methods. An empty box is what jsdom gives elements.
const emptyRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON() { return this; } });
if (!Range.prototype.getClientRects) Range.prototype.getClientRects = () => [];
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = emptyRect;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The app must not log errors or warnings: any test that causes one fails.
let consoleProblems = [];
const original = { error: console.error, warn: console.warn };

beforeEach(async () => {
  consoleProblems = [];
  console.error = (...args) => { consoleProblems.push(['error', args]); };
  console.warn = (...args) => { consoleProblems.push(['warn', args]); };
  window.localStorage.clear();
  __resetTokenForTests();
  __resetSessionForTests();
  await i18n.changeLanguage('vi');
});
afterEach(() => {
  cleanup();
  console.error = original.error;
  console.warn = original.warn;
  if (consoleProblems.length) {
    const [kind, args] = consoleProblems[0];
    throw new Error(`console.${kind} was called: ${args.map(String).join(' ').slice(0, 500)}`);
  }
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());
