import { snippetSegments } from '../snippet';

/** A search snippet with its matches highlighted, rendered as text nodes only. */
export function Snippet({ snippet }) {
  return (
    <p className="break-words text-sm text-base-content/80" data-testid="search-snippet">
      {snippetSegments(snippet).map((segment, index) => (segment.mark
        ? <mark key={index} className="rounded-sm bg-warning/40 px-0.5 text-base-content">{segment.text}</mark>
        : <span key={index}>{segment.text}</span>))}
    </p>
  );
}
