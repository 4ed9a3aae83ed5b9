import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftOutcome, mergeBoth, readDraft, writeDraft } from './drafts';

describe('drafts kept in this browser', () => {
  beforeEach(() => window.localStorage.clear());

  it('keeps a draft until it is cleared', () => {
    writeDraft('s1', { title: 'T', content: 'words', baseVersion: 3 });
    expect(readDraft('s1')).toMatchObject({ title: 'T', content: 'words', baseVersion: 3 });
    clearDraft('s1');
    expect(readDraft('s1')).toBeNull();
  });

  it('ignores a damaged draft', () => {
    window.localStorage.setItem('storyloom.draft.s1', '{not json');
    expect(readDraft('s1')).toBeNull();
  });

  it('restores a draft based on the server version and calls a conflict when the server moved on', () => {
    const draft = { title: 'T', content: 'mine', baseVersion: 3 };
    expect(draftOutcome(draft, { title: 'T', content: 'old', version: 3 })).toBe('restore');
    expect(draftOutcome(draft, { title: 'T', content: 'theirs', version: 4 })).toBe('conflict');
    expect(draftOutcome(draft, { title: 'T', content: 'mine', version: 4 })).toBe('none');
    expect(draftOutcome(null, { title: 'T', content: '', version: 1 })).toBe('none');
  });

  it('keeps both texts with a scene break between them', () => {
    expect(mergeBoth('Mine.\n', '\nTheirs.')).toBe('Mine.\n\n* * *\n\nTheirs.');
    expect(mergeBoth('', 'Theirs.')).toBe('Theirs.');
  });
});
