import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it('keeps a sane client id', () => {
    expect(requestIdOf('abc.DEF_1-2')).toBe('abc.DEF_1-2');
  });

  it.each([[undefined], ['a'.repeat(65)], ['has space'], ['new\nline'], [''], [['a', 'b']]])(
    'replaces %j with a new UUID',
    (incoming) => {
      expect(requestIdOf(incoming)).toMatch(UUID);
    },
  );
});
