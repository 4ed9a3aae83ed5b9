import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { LinkedStories } from './linked-stories';

describe('linked stories', () => {
  it('lists the linked stories strongest first, with what they share', () => {
    const story = {
      story_id: 's1',
      links: [
        { linked_story_id: 's3', weight: 1, reasons: [{ kind: 'location', id: 'l1', name: 'Harbour' }] },
        { linked_story_id: 's2', weight: 2, reasons: [{ kind: 'entity', id: 'e1', name: 'Ari' }, { kind: 'location', id: 'l1', name: 'Harbour' }] },
      ],
    };
    renderWithProviders(<LinkedStories story={story} titles={{ s2: 'The Siege', s3: 'Low Tide' }} />);
    const list = screen.getByTestId('linked-stories');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['The Siegecùng có Ari, Harbour', 'Low Tidecùng có Harbour']);
    expect(within(items[0]).getByRole('link', { name: 'The Siege' })).toHaveAttribute('href', '/stories/s2');
    expect(screen.getByRole('heading', { name: 'Truyện liên quan' })).toBeInTheDocument();
  });

  it('reads the links as GET /stories/<id> answers them, titles included', () => {
    const story = { story_id: 's1', links: [{ story_id: 's4', title: 'Harbour Lights', weight: 1, reasons: [{ kind: 'entity', id: 'e1', name: 'Ari' }] }] };
    renderWithProviders(<LinkedStories story={story} />);
    expect(screen.getByRole('link', { name: 'Harbour Lights' })).toHaveAttribute('href', '/stories/s4');
    expect(screen.getByText('cùng có Ari')).toBeInTheDocument();
  });

  it('falls back to linked_story_ids, and shows nothing without links', () => {
    const { unmount } = renderWithProviders(<LinkedStories story={{ story_id: 's1', linked_story_ids: ['s9'] }} />);
    expect(screen.getByRole('link', { name: 'Một truyện liên quan' })).toHaveAttribute('href', '/stories/s9');
    unmount();
    renderWithProviders(<LinkedStories story={{ story_id: 's1', linked_story_ids: [] }} />);
    expect(screen.queryByRole('heading', { name: 'Truyện liên quan' })).not.toBeInTheDocument();
  });
});
