import { describe, expect, it } from 'vitest';
import { compareWithLinks, namesInText, termsOf } from './found-names';

const terms = termsOf(
  [{ entity_id: 'e1', name: 'Nguyễn Trãi', aliases: ['Ức Trai'] }, { entity_id: 'e2', name: 'An' }],
  [{ location_id: 'l1', name: 'Đà Lạt', aliases: [] }],
);

describe('names found in the text', () => {
  it('finds names and aliases without case or diacritics, as whole words only', () => {
    const found = namesInText('Ngày ấy, ỨC TRAI lên da lat. Anh ta cười.', terms);
    expect([...found].sort()).toEqual(['entity:e1', 'location:l1']); // "Anh" is not "An"
    expect(namesInText('An đi.', terms).has('entity:e2')).toBe(true);
  });

  it('finds a name written in decomposed Unicode', () => {
    expect(namesInText('Đa\u0300 La\u0323t'.normalize('NFD'), terms).has('location:l1')).toBe(true);
  });

  it('says which found names to link and which linked names are gone from the text', () => {
    const found = namesInText('Nguyễn Trãi một mình.', terms);
    const { toLink, toUnlink } = compareWithLinks(found, terms, { entity_ids: ['e2'], location_ids: [] });
    expect(toLink.map((term) => term.name)).toEqual(['Nguyễn Trãi']);
    expect(toUnlink.map((term) => term.name)).toEqual(['An']);
  });
});
