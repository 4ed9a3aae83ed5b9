/** What to show when a list has nothing in it, with an optional next step. */
export function EmptyState({ title, description, action, icon = '✦' }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-box border border-dashed border-base-300 bg-base-100 px-6 py-12 text-center">
      <span aria-hidden="true" className="text-3xl text-primary/70">{icon}</span>
      <h3 className="text-lg font-semibold">{title}</h3>
      {description && <p className="max-w-md text-base-content/70">{description}</p>}
      {action}
    </div>
  );
}
