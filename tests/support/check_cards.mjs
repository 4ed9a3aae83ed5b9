// Reads character card files (JSON, or PNG with a `chara` chunk) with the parsers other tools use
// (character-card-utils for the V2 spec; png-chunks-extract and png-chunk-text, as SillyTavern
// reads cards) and prints one JSON line per file: {file, ok, issues, card}.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('../../frontend/package.json', import.meta.url));
const require = createRequire(frontend);
const { v2 } = require('character-card-utils');
const extract = require('png-chunks-extract');
const text = require('png-chunk-text');

function cardOf(file) {
  const bytes = readFileSync(file);
  if (!file.endsWith('.png')) return JSON.parse(bytes.toString('utf8'));
  const chunk = extract(new Uint8Array(bytes)).filter((c) => c.name === 'tEXt').map((c) => text.decode(c.data))
    .find((c) => c.keyword === 'chara');
  if (!chunk) throw new Error('no chara tEXt chunk');
  return JSON.parse(Buffer.from(chunk.text, 'base64').toString('utf8'));
}

for (const file of process.argv.slice(2)) {
  try {
    const card = cardOf(file);
    const parsed = v2.safeParse(card);
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    console.log(JSON.stringify({ file, ok: parsed.success, issues, card }));
  } catch (error) {
    console.log(JSON.stringify({ file, ok: false, issues: [String(error.message ?? error)], card: null }));
  }
}
