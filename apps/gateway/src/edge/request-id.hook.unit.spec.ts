import { requestIdFor } from './request-id.hook';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const generated = '2f1d5c3e-8a4b-4c6d-9e0f-1a2b3c4d5e6f';

describe('requestIdFor', () => {
  it('keeps a sane client id', () => {
    expect(requestIdFor('abc.DEF_1-2', generated)).toBe('abc.DEF_1-2');
  });

  it('reuses the id Fastify generated when the client sent none', () => {
    expect(requestIdFor(undefined, generated)).toBe(generated);
    expect(requestIdFor(undefined, 'req-1')).toMatch(UUID);
  });

  it.each([['a'.repeat(65)], ['has space'], ['new\nline'], [''], [['a', 'b']]])(
    'replaces %j with a new UUID',
    (incoming) => {
      const id = requestIdFor(incoming, generated);
      expect(id).toMatch(UUID);
      expect(id).not.toBe(generated);
    },
  );
});
