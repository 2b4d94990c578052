/** A method and path an anonymous caller may use; `subtree` also opens everything below. */
export interface PublicRoute {
  readonly methods: readonly string[];
  readonly path: string;
  readonly subtree: boolean;
}

const READ = ['GET', 'HEAD'] as const;

/**
 * Everything not listed needs a valid access token before any upstream is called. The
 * services verify tokens again: this list only spares them anonymous traffic they would
 * refuse anyway.
 */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { methods: ['POST'], path: '/api/auth/register', subtree: false },
  { methods: ['POST'], path: '/api/auth/login', subtree: false },
  { methods: ['POST'], path: '/api/auth/refresh', subtree: false },
  // A client polls its sign-up here before it can log in (saga 1); the saga id is the key.
  { methods: READ, path: '/api/auth/registrations', subtree: true },
  { methods: READ, path: '/.well-known/jwks.json', subtree: false },
  { methods: READ, path: '/api/users', subtree: true },
  { methods: READ, path: '/api/blogs', subtree: true },
  { methods: READ, path: '/api/posts', subtree: true },
  { methods: READ, path: '/api/stats', subtree: true },
  { methods: ['POST'], path: '/api/visits', subtree: false },
];
