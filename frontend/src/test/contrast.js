/** Colour maths for the theme contrast test: oklch → sRGB → WCAG relative luminance and contrast ratio. */

/** Parses `oklch(L% C H)` (L as a percentage or 0–1) into numbers. */
export function parseOklch(value) {
  const match = /^oklch\(\s*([\d.]+)(%?)\s+([\d.]+)\s+([\d.]+)(?:deg)?\s*\)$/i.exec(value.trim());
  if (!match) throw new Error(`not an oklch() colour: ${value}`);
  const [, l, percent, c, h] = match;
  return { l: Number(l) / (percent ? 100 : 1), c: Number(c), h: Number(h) };
}

/** oklch → gamma-encoded sRGB channels in 0–1, clipped to the gamut as a browser shows it. */
export function oklchToSrgb({ l, c, h }) {
  const rad = (h * Math.PI) / 180;
  const a = c * Math.cos(rad);
  const b = c * Math.sin(rad);
  // OKLab → LMS (cube roots) → linear sRGB, Björn Ottosson's matrices.
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  return linear.map((v) => {
    const encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.abs(v) ** (1 / 2.4) * Math.sign(v) - 0.055;
    return Math.min(1, Math.max(0, encoded));
  });
}

/** WCAG 2 relative luminance of gamma-encoded sRGB channels. */
export function relativeLuminance([r, g, b]) {
  const lin = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** `front` drawn with opacity `alpha` over `back` (both sRGB channels), as the browser blends them. */
export function blend(front, back, alpha) {
  return front.map((v, i) => alpha * v + (1 - alpha) * back[i]);
}

/** WCAG contrast ratio of two sRGB colours, 1–21. */
export function contrastRatio(one, two) {
  const [hi, lo] = [relativeLuminance(one), relativeLuminance(two)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The oklch() variables (`color-base-100`, `map-land`…) of each `@plugin "daisyui/theme"` block, by theme name. */
export function parseThemes(css) {
  const themes = {};
  for (const [, body] of css.matchAll(/@plugin\s+"daisyui\/theme"\s*\{([^}]*)\}/g)) {
    const name = /(?:^|[\s;])name:\s*"([^"]+)"/.exec(body)?.[1];
    if (!name) continue;
    themes[name] = Object.fromEntries(
      [...body.matchAll(/--([\w-]+):\s*(oklch\([^;]+\));/g)].map(([, key, value]) => [key, value.trim()]),
    );
  }
  return themes;
}
