#!/usr/bin/env node
/**
 * Lighthouse scores of the home, a world and a story page, on its mobile preset and on desktop,
 * against `python run.py` serving the built app (run `npm run build` in frontend/ first).
 * Drives Debian's Chromium; downloads nothing. Prints the scores; never fails on them.
 *
 *   node bench/lighthouse.mjs            # from the repository root
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = path.join(REPO, 'frontend', 'node_modules');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 };

const load = (relative) => import(pathToFileURL(path.join(MODULES, relative)).href);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storyloom-lighthouse-'));
  const child = spawn(process.env.PYTHON ?? 'python', ['run.py', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir],
    { cwd: REPO, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'WARNING' } });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 120; tries += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, dataDir };
    } catch { /* not up yet */ }
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  child.kill();
  throw new Error('the server did not start');
}

async function api(base, method, route, token, body) {
  const response = await fetch(`${base}/api${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const envelope = await response.json();
  if (envelope.errorCode !== '0000') throw new Error(`${method} ${route}: ${envelope.errorCode} ${envelope.errorDetail}`);
  return envelope.data;
}

async function seed(base) {
  const { token } = await api(base, 'POST', '/auth/register', null, { username: 'lighthouse', email: 'lighthouse@example.com', password: 'a long password 42' });
  const { world } = await api(base, 'POST', '/worlds', token, {
    name: 'Đất Việt', visibility: 'public', description: 'Một thế giới để đo tốc độ.', generate: { entities: 30, locations: 15, language: 'vi' },
  });
  const paragraph = 'Gió thổi qua những mái nhà của Thăng Long, và con thuyền đang chờ ở bến sông. ';
  const { story } = await api(base, 'POST', '/stories', token, {
    world_id: world.world_id, title: 'Chuyện bến sông', visibility: 'public',
    content: Array.from({ length: 30 }, (_, i) => `## Chương ${i + 1}\n\n${paragraph.repeat(8)}`).join('\n\n'),
  });
  return { world, story };
}

async function main() {
  if (!existsSync(path.join(REPO, 'frontend', 'dist', 'index.html'))) throw new Error('frontend/dist is missing: run npm run build in frontend/ first');
  const { default: lighthouse } = await load('lighthouse/core/index.js');
  const { default: desktopConfig } = await load('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await load('chrome-launcher/dist/index.js');
  const server = await startServer();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const { world, story } = await seed(server.base);
    const pages = [['home', '/'], ['world', `/worlds/${world.world_id}`], ['story', `/stories/${story.story_id}`]];
    console.log(`Lighthouse ${process.env.npm_package_version ?? ''}against ${server.base} (Chromium ${CHROMIUM})`);
    console.log('preset   page    perf  a11y  best  seo   LCP');
    for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      for (const [name, route] of pages) {
        const result = await lighthouse(`${server.base}${route}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, config);
        const scores = CATEGORIES.map((c) => Math.round((result.lhr.categories[c].score ?? 0) * 100));
        const lcp = result.lhr.audits['largest-contentful-paint'].displayValue;
        const misses = CATEGORIES.filter((c, i) => scores[i] < TARGETS[c]);
        const failing = misses.length
          ? `  below target: ${misses.join(', ')} (${Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id).slice(0, 6).join(', ')})`
          : '';
        console.log(`${preset.padEnd(8)} ${name.padEnd(7)} ${scores.map((s) => String(s).padStart(4)).join('  ')}  ${lcp}${failing}`);
      }
    }
    console.log(`Targets: performance ≥ ${TARGETS.performance} on mobile, accessibility, best practices and SEO 100.`);
  } finally {
    await chrome.kill();
    server.child.kill();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`lighthouse bench could not run: ${error.message}`);
  process.exit(1);
});
