/**
 * A story's Markdown as React elements: paragraphs, headings (under the story's title, in order),
 * lists, quotes, scene breaks, emphasis, code and safe links. Linked characters' and places'
 * names in the text become links to them. Nothing is ever inserted as HTML.
 */
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { highlightSegments } from '../../../lib/text';
import { parseMarkdown, safeHref } from '../lib/markdown';

const MARK_STYLES = {
  entity: 'bg-primary/15 decoration-primary/60 hover:bg-primary/25',
  location: 'bg-accent/20 decoration-accent/70 hover:bg-accent/30',
};
const OUTSIDE = 'noopener noreferrer nofollow ugc';

/** Text with the names (and aliases) of linked characters and places as links to them. */
export function Marked({ text, highlights }) {
  const segments = useMemo(() => (highlights.length ? highlightSegments(text, highlights) : null), [text, highlights]);
  if (!segments) return text;
  return segments.map((segment, index) => (segment.term ? (
    <Link
      key={index}
      to={segment.term.to}
      title={segment.term.title}
      data-testid="highlight"
      data-kind={segment.term.kind}
      className={`rounded-sm underline decoration-dotted decoration-2 underline-offset-4 ${MARK_STYLES[segment.term.kind] ?? MARK_STYLES.entity}`}
    >
      {segment.text}
    </Link>
  ) : <Fragment key={index}>{segment.text}</Fragment>));
}

function renderChildren(node, highlights, inLink) {
  return node.children.map((child, index) => renderNode(child, index, highlights, inLink));
}

function renderNode(node, key, highlights, inLink) {
  const { token } = node;
  const children = () => renderChildren(node, highlights, inLink);
  switch (token.type) {
    case 'paragraph_open':
      // Paragraphs of a tight list are not wrapped in <p>.
      return token.hidden ? <Fragment key={key}>{children()}</Fragment> : <p key={key}>{children()}</p>;
    case 'heading_open': {
      const Tag = `h${token.meta?.level ?? 2}`;
      return <Tag key={key}>{children()}</Tag>;
    }
    case 'bullet_list_open':
      return <ul key={key}>{children()}</ul>;
    case 'ordered_list_open': {
      const start = Number(token.attrGet('start'));
      return <ol key={key} start={Number.isInteger(start) && start > 1 ? start : undefined}>{children()}</ol>;
    }
    case 'list_item_open':
      return <li key={key}>{children()}</li>;
    case 'blockquote_open':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'hr':
      return <hr key={key} className="scene-break" />;
    case 'code_block':
    case 'fence':
      return <pre key={key}><code>{token.content}</code></pre>;
    case 'inline':
      return <Fragment key={key}>{children()}</Fragment>;
    case 'text':
      return inLink ? <Fragment key={key}>{token.content}</Fragment> : <Marked key={key} text={token.content} highlights={highlights} />;
    case 'softbreak':
    case 'hardbreak':
      // Writers break lines on purpose (verse, letters): a single line break stays one.
      return <br key={key} />;
    case 'code_inline':
      return <code key={key}>{token.content}</code>;
    case 'strong_open':
      return <strong key={key}>{children()}</strong>;
    case 'em_open':
      return <em key={key}>{children()}</em>;
    case 'link_open': {
      const href = safeHref(token.attrGet('href'));
      const inner = renderChildren(node, highlights, true);
      if (!href) return <Fragment key={key}>{inner}</Fragment>;
      return <a key={key} href={href} rel={OUTSIDE} className="link">{inner}</a>;
    }
    case 'image': {
      // Pictures from elsewhere are not loaded (they would tell that host who reads the story):
      // they are links to the picture, named by their description.
      const href = safeHref(token.attrGet('src'));
      const alt = token.content || token.attrGet('src') || '';
      if (!href || href.startsWith('mailto:')) return <Fragment key={key}>{alt}</Fragment>;
      return <a key={key} href={href} rel={OUTSIDE} className="link" data-kind="image"><span aria-hidden="true">🖼 </span>{alt}</a>;
    }
    default:
      return token.content ? <Fragment key={key}>{token.content}</Fragment> : <Fragment key={key}>{children()}</Fragment>;
  }
}

/** The story's text rendered from Markdown, names highlighted. */
export function MarkdownView({ text, highlights = [] }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return <>{renderChildren(tree, highlights, false)}</>;
}
