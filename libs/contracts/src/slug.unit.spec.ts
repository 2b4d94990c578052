import { freeSlug, slugOf } from './slug';

describe('slugs', () => {
  it('derives a slug from a title', () => {
    expect(slugOf('  Hello, World!  ')).toBe('hello-world');
    expect(slugOf('Crème brûlée à la carte')).toBe('creme-brulee-a-la-carte');
    expect(slugOf("Robert'); DROP TABLE blogs;--")).toBe('robert-drop-table-blogs');
    expect(slugOf('日本語 ブログ')).toBe('日本語-ブログ');
    expect(slugOf('!!!')).toBe('untitled');
    expect(slugOf('a'.repeat(250)).length).toBe(200);
  });

  it('picks the first free suffix', () => {
    expect(freeSlug('notes', new Set())).toBe('notes');
    expect(freeSlug('notes', new Set(['notes', 'notes-2']))).toBe('notes-3');
  });
});
