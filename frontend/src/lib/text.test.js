import { describe, expect, it } from 'vitest';
import { fold, foldIncludes, highlightSegments } from './text';

const marked = (segments) => segments.filter((s) => s.term).map((s) => [s.text, s.term.key]);

describe('fold', () => {
  it('drops case and Vietnamese diacritics, đ included', () => {
    expect(fold('Nguyễn Trãi')).toBe('nguyen trai');
    expect(fold('ĐẠI VIỆT')).toBe('dai viet');
    expect(foldIncludes('Ức Trai', 'uc tr')).toBe(true);
  });
});

describe('highlightSegments', () => {
  const terms = [
    { key: 'trai', names: ['Nguyễn Trãi', 'Ức Trai'] },
    { key: 'khanh', names: ['Nguyễn Phi Khanh'] },
    { key: 'loi', names: ['Lê Lợi'] },
  ];

  it('finds names and aliases without case or diacritics, keeping the original text', () => {
    const text = 'Ức Trai tiễn Nguyễn Phi Khanh. NGUYEN TRAI khóc; le loi đến.';
    const segments = highlightSegments(text, terms);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(marked(segments)).toEqual([
      ['Ức Trai', 'trai'], ['Nguyễn Phi Khanh', 'khanh'], ['NGUYEN TRAI', 'trai'], ['le loi', 'loi'],
    ]);
  });

  it('matches whole words only, and the longest name first', () => {
    const segments = highlightSegments('Trainee Nguyễn Trãi, not Trai-ness', [
      { key: 'short', names: ['Trai'] },
      { key: 'long', names: ['Nguyễn Trãi'] },
    ]);
    expect(marked(segments)).toEqual([['Nguyễn Trãi', 'long'], ['Trai', 'short']]);
  });

  it('works on decomposed (NFD) text', () => {
    const text = 'Gặp Nguyễn Trãi.'.normalize('NFD');
    const segments = highlightSegments(text, terms);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(marked(segments)[0][0].normalize('NFC')).toBe('Nguyễn Trãi');
  });

  it('ignores names shorter than two letters', () => {
    expect(marked(highlightSegments('A b c', [{ key: 'a', names: ['A'] }]))).toEqual([]);
  });
});
