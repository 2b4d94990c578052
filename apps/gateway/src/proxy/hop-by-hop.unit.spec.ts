import { withoutHopByHop } from './hop-by-hop';

describe('withoutHopByHop', () => {
  it('drops hop-by-hop headers and those the Connection header names', () => {
    expect(
      withoutHopByHop({
        connection: 'keep-alive, X-Session',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        upgrade: 'h2c',
        'proxy-authorization': 'Basic x',
        te: 'trailers',
        trailer: 'x-sum',
        'x-session': 'abc',
        authorization: 'Bearer t',
        'content-type': 'application/json',
      }),
    ).toEqual({ authorization: 'Bearer t', 'content-type': 'application/json' });
  });
});
