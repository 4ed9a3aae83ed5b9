/** What to show when a list has nothing in it, with an optional next step; `level` keeps the
 * page's heading order (3 under a section's h2, 2 right under the page's h1). */
export function EmptyState({ title, description, action, icon = '✦', level = 3 }) {
  const Heading = `h${level}`;
  return (
    <div className="flex flex-col items-center gap-3 rounded-box border border-dashed border-base-300 bg-base-100 px-6 py-12 text-center">
      <span aria-hidden="true" className="text-3xl text-primary/70">{icon}</span>
      <Heading className="text-lg font-semibold">{title}</Heading>
      {description && <p className="max-w-md text-base-content/70">{description}</p>}
      {action}
    </div>
  );
}
