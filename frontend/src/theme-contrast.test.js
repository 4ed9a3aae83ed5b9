import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, oklchToSrgb, parseOklch, parseThemes } from './test/contrast';

const AA = 4.5;
const themes = parseThemes(readFileSync(path.join(import.meta.dirname, 'index.css'), 'utf8'));
const srgb = (theme, name) => {
  const value = themes[theme][name];
  if (!value) throw new Error(`${theme} has no --${name}`);
  return oklchToSrgb(parseOklch(value));
};
const ratio = (theme, text, background) => contrastRatio(srgb(theme, text), srgb(theme, background));

const COLOURS = ['primary', 'secondary', 'accent', 'neutral', 'info', 'success', 'warning', 'error'];
// Colours the app also writes text in (links, form errors, save status, soft badges and alerts).
const TEXT_COLOURS = ['primary', 'accent', 'info', 'success', 'warning', 'error'];
const PAIRS = [
  ...['base-100', 'base-200', 'base-300'].map((base) => ['color-base-content', `color-${base}`]),
  ...COLOURS.map((colour) => [`color-${colour}-content`, `color-${colour}`]),
  ...TEXT_COLOURS.flatMap((colour) => [[`color-${colour}`, 'color-base-100'], [`color-${colour}`, 'color-base-200']]),
  // Place names on the map.
  ['color-base-content', 'map-land'],
];

describe('colour maths', () => {
  it('converts oklch to sRGB and measures contrast like WCAG', () => {
    expect(oklchToSrgb(parseOklch('oklch(62.8% 0.2577 29.23)')).map((v) => Math.round(v * 255))).toEqual([255, 0, 0]);
    expect(contrastRatio(oklchToSrgb(parseOklch('oklch(100% 0 0)')), oklchToSrgb(parseOklch('oklch(0% 0 0)')))).toBeCloseTo(21, 1);
    expect(contrastRatio([1, 0, 0], [1, 1, 1])).toBeCloseTo(4, 1);
  });
});

describe('themes in index.css', () => {
  it('defines a light and a dark theme with the same variables', () => {
    expect(Object.keys(themes).sort()).toEqual(['storyloom', 'storyloom-dark']);
    expect(Object.keys(themes['storyloom-dark']).sort()).toEqual(Object.keys(themes.storyloom).sort());
  });

  describe.each(Object.keys(themes))('%s', (theme) => {
    it.each(PAIRS)('--%s on --%s reaches WCAG AA (4.5:1)', (text, background) => {
      expect(ratio(theme, text, background)).toBeGreaterThanOrEqual(AA);
    });
  });

  // Hints, dates, placeholders and "no description yet" are written at 60 %, the faintest text the app uses.
  it.each(Object.keys(themes))('keeps muted text (base-content at 60 %%) readable in %s', (theme) => {
    const text = srgb(theme, 'color-base-content');
    for (const base of ['color-base-100', 'color-base-200']) {
      const background = srgb(theme, base);
      expect(contrastRatio(blend(text, background, 0.6), background)).toBeGreaterThanOrEqual(AA);
    }
  });

  // Soft badges (linked names in the editor): the colour as text on 8 % of itself over base-100.
  it.each(Object.keys(themes).flatMap((theme) => TEXT_COLOURS.map((colour) => [theme, colour])))('keeps soft %s %s badges readable', (theme, colour) => {
    const text = srgb(theme, `color-${colour}`);
    const background = blend(text, srgb(theme, 'color-base-100'), 0.08);
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(AA);
  });

  it.each(Object.keys(themes))('keeps inactive tabs readable in %s', (theme) => {
    const css = readFileSync(path.join(import.meta.dirname, 'index.css'), 'utf8');
    const share = /\.tabs > \.tab:not\([^)]*\)\s*\{\s*color:\s*color-mix\(in oklab, var\(--color-base-content\) (\d+)%/.exec(css);
    expect(share, 'index.css sets the inactive tab colour').not.toBeNull();
    const text = srgb(theme, 'color-base-content');
    for (const base of ['color-base-100', 'color-base-200']) {
      const background = srgb(theme, base);
      expect(contrastRatio(blend(text, background, Number(share[1]) / 100), background)).toBeGreaterThanOrEqual(AA);
    }
  });

  it('writes no text fainter than 60 % of the text colour', () => {
    const sources = readdirSync(path.join(import.meta.dirname), { recursive: true })
      .filter((file) => file.endsWith('.jsx') && !file.endsWith('.test.jsx'))
      .map((file) => [file, readFileSync(path.join(import.meta.dirname, file), 'utf8')]);
    const faint = sources.flatMap(([file, text]) => [...text.matchAll(/text-base-content\/([1-5]\d)\b/g)]
      .filter((match) => !/aria-hidden/.test(text.slice(text.lastIndexOf('<', match.index), text.indexOf('>', match.index))))
      .map((match) => `${file}: ${match[0]}`));
    expect(faint).toEqual([]);
  });
});
