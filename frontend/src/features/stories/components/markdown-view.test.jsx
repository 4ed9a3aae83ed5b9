import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { MarkdownView } from './markdown-view';
import { safeHref } from '../lib/markdown';

function show(text, highlights = []) {
  const { container } = render(<MemoryRouter><MarkdownView text={text} highlights={highlights} /></MemoryRouter>);
  return container;
}

const ATTACKS = [
  '<script>window.__owned = 1</script>',
  '<img src=x onerror="window.__owned = 1">',
  '<a href="javascript:window.__owned=1">click</a>',
  '[click](javascript:window.__owned=1)',
  '[click](JaVaScRiPt:window.__owned=1)',
  '[click](&#106;avascript:window.__owned=1)',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:window.__owned=1)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<svg onload="window.__owned = 1"></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body { display: none }</style>',
  '[click](//evil.example)',
  '<details open ontoggle="window.__owned=1">',
];

describe('story Markdown', () => {
  it('renders CommonMark: headings one level under the title, emphasis, lists, quotes and scene breaks', () => {
    const page = show('# Chương một\n\nTrăng **lên** _cao_.\n\n- một\n- hai\n\n1. đầu\n2. sau\n\n> lời kể\n\n* * *\n\nDòng một\nDòng hai');
    expect(page.querySelector('h2')).toHaveTextContent('Chương một');
    expect(page.querySelector('h1')).toBeNull();
    expect(page.querySelector('strong')).toHaveTextContent('lên');
    expect(page.querySelector('em')).toHaveTextContent('cao');
    expect([...page.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['một', 'hai']);
    expect(page.querySelectorAll('ol > li')).toHaveLength(2);
    expect(page.querySelector('blockquote')).toHaveTextContent('lời kể');
    expect(page.querySelector('hr.scene-break')).not.toBeNull();
    expect(page.querySelector('p:last-child br')).not.toBeNull(); // a single line break stays one
  });

  it('keeps headings in order under the title, whatever levels the writer used', () => {
    const page = show('## Chương một\n\n#### Cảnh một\n\n## Chương hai\n\n### Cảnh hai');
    expect([...page.querySelectorAll('h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`))
      .toEqual(['H2:Chương một', 'H3:Cảnh một', 'H2:Chương hai', 'H3:Cảnh hai']);
  });

  it.each(ATTACKS)('renders %j inert', (attack) => {
    const page = show(`Trước.\n\n${attack}\n\nSau.`);
    const everything = [...page.querySelectorAll('*')];
    expect(page.querySelectorAll('script, iframe, style, svg, img, object, embed, details')).toHaveLength(0);
    everything.forEach((element) => {
      [...element.attributes].forEach((attribute) => {
        expect(attribute.name.startsWith('on')).toBe(false);
        if (['href', 'src', 'action', 'formaction'].includes(attribute.name)) {
          expect(attribute.value).toMatch(/^(https?:|mailto:|\/(?![/\\])|#)/);
        }
      });
    });
    expect(page).toHaveTextContent('Trước.');
    expect(page).toHaveTextContent('Sau.');
  });

  it('shows raw HTML as the text it is', () => {
    expect(show('<b>not bold</b>')).toHaveTextContent('<b>not bold</b>');
  });

  it('keeps safe links, marked as outside links, and shows pictures as links without loading them', () => {
    const page = show('[bản đồ](https://example.com/map) và ![cảng](https://example.com/port.png)');
    const [link, picture] = page.querySelectorAll('a');
    expect(link).toHaveAttribute('href', 'https://example.com/map');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
    expect(link).not.toHaveAttribute('target');
    expect(picture).toHaveAttribute('href', 'https://example.com/port.png');
    expect(picture).toHaveTextContent('cảng');
  });

  it('links names in the text, but not inside code or inside another link', () => {
    const highlights = [{ key: 'e', kind: 'entity', names: ['Tấm'], to: '/worlds/w/characters/e', title: 'Tấm' }];
    const page = show('**Tấm** đi chợ. `Tấm` [Tấm](https://example.com)', highlights);
    const marks = page.querySelectorAll('[data-testid="highlight"]');
    expect(marks).toHaveLength(1);
    expect(marks[0].closest('strong')).not.toBeNull();
    expect(marks[0]).toHaveAttribute('href', '/worlds/w/characters/e');
  });

  it('accepts only addresses that cannot run code', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('/worlds/1')).toBe('/worlds/1');
    expect(safeHref('#top')).toBe('#top');
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/\\evil.example')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('chapter-2')).toBeNull();
  });
});
