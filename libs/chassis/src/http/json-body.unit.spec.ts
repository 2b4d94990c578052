import { AppError } from '../errors/app-error';
import { assertJsonShape, decodeJsonBody, JSON_BODY_LIMITS, readJsonBody } from './json-body';

const refusalOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('decodeJsonBody', () => {
  it('parses a JSON body and reads an empty one as no body', () => {
    expect(decodeJsonBody(Buffer.from('{"title":"Ça va 🚀"}'))).toEqual({ title: 'Ça va 🚀' });
    expect(decodeJsonBody(Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"title":"a'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    expect(refusalOf(() => decodeJsonBody(bytes))).toMatchObject({
      kind: 'invalid',
      code: 'MALFORMED_REQUEST',
      message: 'The request body is not valid UTF-8',
    });
  });

  it.each([
    ['arrays', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
    ['objects', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`],
  ])('refuses %s nested 5,000 deep before parsing them', (_kind, text) => {
    expect(refusalOf(() => decodeJsonBody(Buffer.from(text)))).toMatchObject({
      code: 'MALFORMED_REQUEST',
      details: { maxDepth: JSON_BODY_LIMITS.maxDepth },
    });
  });

  it('refuses a body holding more values than the limit, at any depth', () => {
    const wide = JSON.stringify({ ids: Array.from({ length: 20_000 }, () => 0) });
    expect(refusalOf(() => decodeJsonBody(Buffer.from(wide)))).toMatchObject({
      code: 'MALFORMED_REQUEST',
      details: { maxValues: JSON_BODY_LIMITS.maxValues },
    });
  });

  it('does not count brackets and commas inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ body: `${'[{,'.repeat(50_000)} \\" ]] "` });
    expect(() => assertJsonShape(text)).not.toThrow();
    expect(decodeJsonBody(Buffer.from(text))).toHaveProperty('body');
  });

  it('takes nesting up to the limit', () => {
    const depth = JSON_BODY_LIMITS.maxDepth;
    expect(() => assertJsonShape(`${'['.repeat(depth)}${']'.repeat(depth)}`)).not.toThrow();
    expect(() => assertJsonShape(`${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}`)).toThrow();
  });

  it('refuses prototype-poisoning keys, and malformed JSON without echoing the body', () => {
    expect(
      refusalOf(() => decodeJsonBody(Buffer.from('{"__proto__":{"admin":true}}'))),
    ).toMatchObject({
      code: 'MALFORMED_REQUEST',
    });
    const refusal = refusalOf(() => decodeJsonBody(Buffer.from('{"password":"hunter2",}')));
    expect(refusal).toBeInstanceOf(AppError);
    expect(JSON.stringify(refusal) + String(refusal)).not.toContain('hunter2');
  });
});

describe('readJsonBody', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset="UTF-8"',
    'application/merge-patch+json',
  ])('reads %s', (type) => {
    expect(readJsonBody(type, Buffer.from('{}'))).toEqual({});
  });

  it.each([
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/jsonx',
  ])('refuses %s with 415', (type) => {
    expect(refusalOf(() => readJsonBody(type, Buffer.from('{}')))).toMatchObject({
      kind: 'unsupported-media-type',
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
});
