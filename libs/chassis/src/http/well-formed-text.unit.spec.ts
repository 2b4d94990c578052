import { firstIllFormedText } from './well-formed-text';

describe('firstIllFormedText', () => {
  it('accepts ordinary and exotic but well-formed text', () => {
    expect(firstIllFormedText({ title: 'Ça va? 🚀 ‮ \u200b', tags: ['a', 1, null] })).toBeNull();
    expect(firstIllFormedText("'; DROP TABLE posts; --")).toBeNull();
    expect(firstIllFormedText(Buffer.from('\u0000'))).toBeNull();
  });

  it('names the path of a NUL character or a lone surrogate, keys included', () => {
    expect(firstIllFormedText({ title: 'a\u0000b' })).toBe('$.title');
    expect(firstIllFormedText({ items: ['ok', '\ud800'] })).toBe('$.items[1]');
    expect(firstIllFormedText({ nested: { 'bad\udc00key': 1 } })).toBe('$.nested');
  });
});

describe('firstIllFormedText on deep values', () => {
  it('walks a value nested far past the call stack without overflowing it', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    expect(firstIllFormedText(deep)).toMatch(/^\$(\[0\]){20000}$/);
  });
});
