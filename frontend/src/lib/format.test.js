import { describe, expect, it } from 'vitest';
import { countWords } from './format';
import fixture from '../../../tests/fixtures/word-count-vectors.json';

describe('countWords', () => {
  it.each(fixture.vectors)('counts $words word(s) in %j, as the API does', ({ text, words }) => {
    expect(countWords(text)).toBe(words);
  });
});
