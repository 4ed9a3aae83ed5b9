import { describe, expect, it } from 'vitest';
import vi from './vi.json';
import en from './en.json';

function keys(object, prefix = '') {
  return Object.entries(object).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return value && typeof value === 'object' ? keys(value, name) : [name.replace(/_(zero|one|two|few|many|other)$/, '')];
  });
}

describe('translations', () => {
  it('has the same keys in Vietnamese and English', () => {
    const viKeys = new Set(keys(vi));
    const enKeys = new Set(keys(en));
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = (object) => Object.values(object).some((v) => (typeof v === 'string' ? !v.trim() : empty(v)));
    expect(empty(vi)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
