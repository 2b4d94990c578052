import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { inputParser } from './parse-input';

describe('inputParser', () => {
  const parseInput = inputParser('SPEC.INVALID_INPUT');
  const body = z.object({ title: z.string().min(1), password: z.string().min(12) });

  it('returns what the schema parsed', () => {
    expect(parseInput(z.coerce.number().int(), '42', 'limit')).toBe(42);
  });

  it("refuses with the service's code, naming each issue but never the value", () => {
    let refusal: unknown;
    try {
      parseInput(body, { title: '', password: 'hunter2' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      kind: 'invalid',
      code: 'SPEC.INVALID_INPUT',
      message: 'Invalid request body',
      details: { issues: [{ path: 'title' }, { path: 'password' }] },
    });
    expect(JSON.stringify(refusal)).not.toContain('hunter2');
  });

  it('names what was invalid', () => {
    expect(() => parseInput(z.uuid(), 'nope', 'blog id')).toThrow('Invalid blog id');
  });
});

describe('inputParser strictness', () => {
  const parseInput = inputParser('SPEC.INVALID_INPUT');

  it('refuses a member the schema does not name, instead of dropping it', () => {
    const create = z.object({ title: z.string() });
    expect(() => parseInput(create, { title: 'a', status: 'DELETED' })).toThrow(
      expect.objectContaining({
        code: 'SPEC.INVALID_INPUT',
        details: {
          issues: [expect.objectContaining({ message: expect.stringMatching(/status/) })],
        },
      }),
    );
    expect(parseInput(create, { title: 'a' })).toEqual({ title: 'a' });
  });

  it("keeps the schema's own refinements and defaults", () => {
    const edit = z
      .object({ title: z.string().optional(), body: z.string().default('') })
      .refine((value) => value.title !== undefined, 'title is required');
    expect(() => parseInput(edit, {})).toThrow('Invalid request body');
    expect(parseInput(edit, { title: 't' })).toEqual({ title: 't', body: '' });
  });

  it('leaves a deliberately loose object alone', () => {
    const loose = z.looseObject({ a: z.number() });
    expect(parseInput(loose, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
