/**
 * "You may not … here": what a signed-in user reads on a page their role or share does not allow
 * (a viewer on a story's edit page, a writer in the admin area). Not a "404": the page exists.
 */
import { Link } from 'react-router';

export function NoAccessState({ title, body, backTo = '/', backLabel }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 py-16 text-center" data-testid="no-access">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-12 w-12 text-primary/60" fill="none" stroke="currentColor" strokeWidth="1.5">
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" strokeLinecap="round" />
      </svg>
      <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{title}</h1>
      <p className="text-base-content/70">{body}</p>
      <Link to={backTo} className="btn btn-primary mt-2">{backLabel}</Link>
    </div>
  );
}
