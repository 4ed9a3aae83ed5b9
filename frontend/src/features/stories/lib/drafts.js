/**
 * Unsaved story text kept in this browser (localStorage) until the server has it, so that a
 * closed tab, a lost connection or an ended session never costs a word.
 */
const PREFIX = 'storyloom.draft.';

function keyOf(storyId) {
  return `${PREFIX}${storyId}`;
}

/** The kept draft of a story: { title, content, baseVersion, at } or null. */
export function readDraft(storyId) {
  try {
    const raw = window.localStorage.getItem(keyOf(storyId));
    if (!raw) return null;
    const draft = JSON.parse(raw);
    return typeof draft?.content === 'string' && typeof draft?.title === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** Keep the text the writer has (title, content) with the version it was based on. */
export function writeDraft(storyId, { title, content, baseVersion }) {
  try {
    window.localStorage.setItem(keyOf(storyId), JSON.stringify({ title, content, baseVersion, at: new Date().toISOString() }));
    return true;
  } catch {
    return false; // storage full or unavailable: the editor still holds the text
  }
}

/** Forget the draft once the server holds the same text. */
export function clearDraft(storyId) {
  try {
    window.localStorage.removeItem(keyOf(storyId));
  } catch {
    /* nothing kept */
  }
}

/**
 * What to do with a kept draft when the editor opens on the server's story:
 * 'none' (no draft, or the same text), 'restore' (the server has not moved since the draft was
 * based on it: put the draft back and save it) or 'conflict' (both changed).
 */
export function draftOutcome(draft, story) {
  if (!draft) return 'none';
  if (draft.content === (story.content ?? '') && draft.title === (story.title ?? '')) return 'none';
  return draft.baseVersion === story.version ? 'restore' : 'conflict';
}

/** Both texts kept: the writer's, a scene break, then the other one. */
export function mergeBoth(mine, theirs) {
  if (!theirs.trim()) return mine;
  if (!mine.trim()) return theirs;
  return `${mine.replace(/\s+$/, '')}\n\n* * *\n\n${theirs.replace(/^\s+/, '')}`;
}
