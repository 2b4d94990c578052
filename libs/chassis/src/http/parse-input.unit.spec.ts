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
