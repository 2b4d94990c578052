import { retryPolicy } from './relay-request';

const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const timedOut = Object.assign(new Error('Headers Timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' });

describe('retryPolicy', () => {
  it('retries a safe request the instance never saw, once per other instance', () => {
    const policy = retryPolicy('GET', 2);
    expect(policy({ err: refused, attempt: 0 })).toBe(1);
    expect(policy({ err: refused, attempt: 1 })).toBe(1);
    expect(policy({ err: refused, attempt: 2 })).toBeNull();
  });

  it('never retries a write, a request that may have been read, an answer, or a lone instance', () => {
    expect(retryPolicy('POST', 1)({ err: refused, attempt: 0 })).toBeNull();
    expect(retryPolicy('DELETE', 1)({ err: refused, attempt: 0 })).toBeNull();
    expect(retryPolicy('GET', 1)({ err: timedOut, attempt: 0 })).toBeNull();
    expect(retryPolicy('GET', 1)({ err: null, attempt: 0 })).toBeNull();
    expect(retryPolicy('GET', 0)({ err: refused, attempt: 0 })).toBeNull();
  });
});
