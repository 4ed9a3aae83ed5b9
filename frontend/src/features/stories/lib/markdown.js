/**
 * Story text as CommonMark, parsed by markdown-it with raw HTML off into a tree of tokens that the
 * reader turns into React elements itself — no HTML string is ever built from what a co-author
 * wrote. Links keep only safe addresses.
 */
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt('commonmark', { html: false, linkify: false });
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address if following it cannot run code or leave the web (http, https, mailto, or a path
 * or anchor of this site); null otherwise.
 */
export function safeHref(href) {
  const value = String(href ?? '').trim();
  if (!value) return null;
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\'))) return value;
  try {
    const url = new URL(value);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null; // a relative address like "chapter-2": not a place in this app
  }
}

function nest(tokens) {
  const root = { token: null, children: [] };
  const stack = [root];
  tokens.forEach((token) => {
    if (token.nesting === 1) {
      const node = { token, children: [] };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else {
      stack[stack.length - 1].children.push({ token, children: token.children ? nest(token.children).children : [] });
    }
  });
  return root;
}

/**
 * Heading levels for the page: the story's title is its h1, so the text's highest heading becomes
 * h2 and no heading skips a level after the one before it (h2 → h4 becomes h2 → h3).
 */
function levelHeadings(tokens) {
  const headings = tokens.filter((token) => token.type === 'heading_open');
  if (!headings.length) return;
  const top = Math.min(...headings.map((token) => Number(token.tag.slice(1))));
  let previous = 1;
  headings.forEach((token) => {
    const level = Math.min(6, Math.max(2, Math.min(Number(token.tag.slice(1)) - top + 2, previous + 1)));
    token.meta = { ...(token.meta ?? {}), level };
    previous = level;
  });
}

/** The document as nested nodes { token, children } (the root's token is null). */
export function parseMarkdown(text) {
  const tokens = parser.parse(String(text ?? ''), {});
  levelHeadings(tokens);
  return nest(tokens);
}
