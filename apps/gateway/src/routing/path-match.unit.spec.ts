import { covers, isPublic, isUnsafePath, pathOf, publicPathOf, upstreamPathOf } from './path-match';
import { ROUTING_TABLE } from './routing-table';

describe('routing', () => {
  it('matches a route exactly or below it, never a sibling sharing the prefix', () => {
    const blogs = { path: '/api/blogs', subtree: true };
    expect(covers(blogs, '/api/blogs')).toBe(true);
    expect(covers(blogs, '/api/blogs/b1/posts')).toBe(true);
    expect(covers(blogs, '/api/blogsx')).toBe(false);
    expect(
      covers({ path: '/.well-known/jwks.json', subtree: false }, '/.well-known/jwks.json/x'),
    ).toBe(false);
  });

  it('rewrites the public prefix to the upstream’s, keeping the rest of the raw path', () => {
    const posts = ROUTING_TABLE.find((route) => route.path === '/api/posts');
    expect(posts && upstreamPathOf(posts, pathOf('/api/posts/p%201/publish?x=1'))).toBe(
      '/posts/p%201/publish',
    );
  });

  it('turns an upstream’s Location back into the public path that reaches it', () => {
    const visitor = ROUTING_TABLE.filter((route) => route.upstream === 'visitor');
    const auth = ROUTING_TABLE.filter((route) => route.upstream === 'auth');
    expect(publicPathOf(ROUTING_TABLE, '/blogs/b1')).toBe('/api/blogs/b1');
    expect(publicPathOf(visitor, '/stats/posts/p1?window=7d')).toBe(
      '/api/stats/posts/p1?window=7d',
    );
    expect(publicPathOf(auth, '/auth/registrations/a1?sagaId=s1')).toBe(
      '/api/auth/registrations/a1?sagaId=s1',
    );
    expect(publicPathOf(ROUTING_TABLE, '/blogsx/b1')).toBeNull();
    expect(publicPathOf(visitor, '/internal/dead-letters')).toBeNull();
    expect(publicPathOf(ROUTING_TABLE, 'https://elsewhere.example/blogs/b1')).toBeNull();
  });

  it.each([
    ['POST', '/api/auth/login', true],
    ['POST', '/api/auth/register', true],
    ['POST', '/api/auth/refresh', true],
    ['POST', '/api/auth/logout', false],
    ['GET', '/api/auth/login', false],
    ['POST', '/api/auth/login/x', false],
    ['POST', '/api/auth/%6cogin', false],
    ['GET', '/.well-known/jwks.json', true],
    ['GET', '/api/users/ann', true],
    ['PATCH', '/api/users/ann', false],
    ['GET', '/api/blogs', true],
    ['HEAD', '/api/posts/p1', true],
    ['DELETE', '/api/posts/p1', false],
    ['GET', '/api/stats/popular', true],
    ['POST', '/api/visits', true],
    ['GET', '/api/visits', false],
    ['POST', '/api/visits/v1', false],
    ['GET', '/api/feed', false],
    ['GET', '/api/subscriptions', false],
  ])('%s %s is public: %s', (method, path, expected) => {
    expect(isPublic(method, path)).toBe(expected);
  });

  it.each([
    ['/api/users/..', true],
    ['/api/users/%2e%2E/internal', true],
    ['/api/users/a/./b', true],
    ['/api/users/a%5C..%5Cb', true],
    ['/api/users/%E0%A4%A', true],
    ['/api/users/.ann', false],
    ['/api/users/a..b', false],
    ['/.well-known/jwks.json', false],
  ])('%s is unsafe: %s', (path, expected) => {
    expect(isUnsafePath(path)).toBe(expected);
  });
});
