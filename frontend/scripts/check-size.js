#!/usr/bin/env node
/**
 * Prints the gzipped size of the JavaScript a first visit downloads (the entry script and
 * the chunks index.html preloads) and fails when it passes the budget.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 200;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

const initial = new Set();
for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) initial.add(match[1]);
for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) initial.add(match[1]);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);

const gz = (file) => gzipSync(readFileSync(path.join(dist, file.replace(/^\//, '')))).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

let total = 0;
console.log('Initial JavaScript (gzipped):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${kb(size).padStart(7)} kB`);
}
const cssTotal = css.reduce((sum, file) => sum + gz(file), 0);
const lazy = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(`/assets/${f}`));

console.log(`Initial JS total: ${kb(total)} kB gzipped (budget ${BUDGET_KB} kB)`);
console.log(`CSS: ${kb(cssTotal)} kB gzipped; lazily loaded chunks: ${lazy.length}`);
if (total > BUDGET_KB * 1024) {
  console.error(`Initial JS is over budget by ${kb(total - BUDGET_KB * 1024)} kB`);
  process.exit(1);
}
