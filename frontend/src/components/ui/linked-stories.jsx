import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A story's links, strongest first, as [{ id, title?, weight, reasons }]: from `links` (each
 * naming the other story as `story_id` or `linked_story_id`), else from bare `linked_story_ids`.
 */
export function storyLinksOf(story) {
  if (Array.isArray(story?.links)) {
    return story.links
      .map((link) => ({ ...link, id: link.linked_story_id ?? link.story_id }))
      .filter((link) => link.id && link.id !== story.story_id)
      .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  }
  return (story?.linked_story_ids ?? []).map((id) => ({ id, weight: null, reasons: [] }));
}

/**
 * The stories linked to a story and why ("shares Ari, Harbour"). `story` carries `links` (as
 * GET /stories/<id> answers them: {story_id, title, weight, reasons}) or only `linked_story_ids`;
 * `titles` maps story ids to titles when the links carry none.
 * Renders nothing when the story has no links.
 */
export function LinkedStories({ story, titles = {} }) {
  const { t } = useTranslation();
  const id = useId();
  const links = storyLinksOf(story);
  if (!links.length) return null;
  return (
    <section aria-labelledby={id} className="card border border-base-300 bg-base-100">
      <div className="card-body gap-3 p-4 sm:p-6">
        <h2 id={id} className="card-title text-lg">{t('graph.linkedStories.title')}</h2>
        <ul className="flex flex-col gap-2" data-testid="linked-stories">
          {links.map((link) => {
            const names = (link.reasons ?? []).map((reason) => reason.name).filter(Boolean);
            return (
              <li key={link.id} className="flex flex-col">
                <Link to={`/stories/${link.id}`} className="link link-hover font-medium">
                  {link.title || titles[link.id] || t('graph.linkedStories.untitled')}
                </Link>
                {names.length > 0 && <span className="text-sm text-base-content/70">{t('graph.linkedStories.shares', { names: names.join(', ') })}</span>}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
