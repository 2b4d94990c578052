import { upstreamFailure } from './upstream-failure';

const coded = (code: string, cause?: string) =>
  Object.assign(
    new Error(code),
    { code },
    cause ? { cause: Object.assign(new Error(), { code: cause }) } : {},
  );

describe('upstreamFailure', () => {
  it.each([
    ['an open breaker', coded('EOPENBREAKER'), 503, 'CIRCUIT_OPEN'],
    [
      'a headers timeout',
      coded('FST_REPLY_FROM_GATEWAY_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'),
      504,
      'UPSTREAM_TIMEOUT',
    ],
    ['a connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), 504, 'UPSTREAM_TIMEOUT'],
    [
      'a body timeout',
      coded('FST_REPLY_FROM_INTERNAL_SERVER_ERROR', 'UND_ERR_BODY_TIMEOUT'),
      504,
      'UPSTREAM_TIMEOUT',
    ],
    [
      'a refused connection',
      coded('FST_REPLY_FROM_INTERNAL_SERVER_ERROR', 'ECONNREFUSED'),
      503,
      'UPSTREAM_UNAVAILABLE',
    ],
    ['a reset socket', coded('UND_ERR_SOCKET'), 503, 'UPSTREAM_UNAVAILABLE'],
    ['anything else', new Error('?'), 503, 'UPSTREAM_UNAVAILABLE'],
  ])('maps %s to %i %s naming the upstream', (_, error, status, code) => {
    expect(upstreamFailure('post', error)).toMatchObject({
      status,
      code,
      details: { upstream: 'post' },
    });
  });
});
