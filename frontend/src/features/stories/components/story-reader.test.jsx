import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeStory } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { StoryReader } from './story-reader';

const story = makeStory({
  title: 'Đêm trăng',
  content: 'Trăng lên cao.\n\nGió thổi qua vịnh.',
  word_count: 7,
  summary: 'Một đêm yên tĩnh.',
});

describe('story reader', () => {
  it('sets the text in paragraphs with its length and reading time', () => {
    renderWithProviders(<StoryReader story={story} />);
    expect(screen.getByRole('heading', { name: 'Đêm trăng', level: 1 })).toBeInTheDocument();
    const paragraphs = screen.getByTestId('story-content').querySelectorAll('p');
    expect([...paragraphs].map((p) => p.textContent)).toEqual(['Trăng lên cao.', 'Gió thổi qua vịnh.']);
    expect(screen.getByText('7 từ')).toBeInTheDocument();
    expect(screen.getByText('1 phút đọc')).toBeInTheDocument();
  });

  it('opens reading mode, and Escape closes it with focus back on the toggle', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryReader story={story} />);

    await user.click(screen.getByRole('button', { name: 'Chế độ đọc' }));
    expect(screen.getByRole('dialog', { name: 'Chế độ đọc' })).toHaveTextContent('Gió thổi qua vịnh.');
    expect(screen.getByRole('button', { name: 'Thoát chế độ đọc' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Chế độ đọc' })).toHaveFocus();
  });

  it('makes the text larger and remembers it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryReader story={story} />);
    expect(screen.getByTestId('story-content')).toHaveClass('text-lg');
    await user.click(screen.getByRole('button', { name: 'A+ Chữ lớn hơn' }));
    expect(screen.getByTestId('story-content')).toHaveClass('text-xl');
    expect(window.localStorage.getItem('storyloom.readerSize')).toBe('1');
  });
});

describe('story reader highlights', () => {
  it('turns names and aliases of the given characters and places into links, ignoring case and diacritics', () => {
    const text = makeStory({ content: 'NGUYEN TRAI về Thăng Long.\n\nỨc Trai và người Thăng Long-phố.' });
    renderWithProviders(
      <StoryReader
        story={text}
        highlights={[
          { key: 'e', kind: 'entity', names: ['Nguyễn Trãi', 'Ức Trai'], to: '/worlds/w/characters/e', title: 'Nguyễn Trãi' },
          { key: 'l', kind: 'location', names: ['Thăng Long'], to: '/worlds/w/places/l', title: 'Thăng Long' },
        ]}
      />,
    );
    const marks = screen.getAllByTestId('highlight');
    expect(marks.map((m) => [m.textContent, m.getAttribute('href'), m.dataset.kind])).toEqual([
      ['NGUYEN TRAI', '/worlds/w/characters/e', 'entity'],
      ['Thăng Long', '/worlds/w/places/l', 'location'],
      ['Ức Trai', '/worlds/w/characters/e', 'entity'],
      ['Thăng Long', '/worlds/w/places/l', 'location'],
    ]);
    const paragraphs = screen.getByTestId('story-content').querySelectorAll('p');
    expect(paragraphs[1]).toHaveTextContent('Ức Trai và người Thăng Long-phố.');
  });
});
