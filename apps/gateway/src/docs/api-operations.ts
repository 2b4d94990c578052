export type OperationMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented operation; whether it needs a token comes from the public-routes table. */
export interface ApiOperation {
  readonly method: OperationMethod;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** Operator routes served by the gateway itself (admin role). */
  readonly admin?: true;
}

/**
 * Hand-written summaries of the public API. Paths use OpenAPI `{param}` templates; a
 * unit spec checks that each one is routed, so the document cannot point nowhere.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'post', path: '/api/auth/register', tag: 'auth', summary: 'Register an account' },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Log in: access and refresh tokens',
  },
  { method: 'post', path: '/api/auth/refresh', tag: 'auth', summary: 'Exchange a refresh token' },
  { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Revoke the refresh token' },
  {
    method: 'get',
    path: '/api/auth/registrations/{accountId}',
    tag: 'auth',
    summary: 'Poll a sign-up (saga 1) by account and saga id',
  },
  { method: 'get', path: '/api/auth/accounts/me', tag: 'auth', summary: 'Your account' },
  {
    method: 'post',
    path: '/api/auth/accounts/me/close',
    tag: 'auth',
    summary: 'Close your account (saga 4)',
  },
  {
    method: 'get',
    path: '/.well-known/jwks.json',
    tag: 'auth',
    summary: 'Token signing keys (JWKS)',
  },
  { method: 'get', path: '/api/users/{handle}', tag: 'users', summary: 'A profile by handle' },
  { method: 'patch', path: '/api/users/{handle}', tag: 'users', summary: 'Edit your profile' },
  { method: 'get', path: '/api/blogs', tag: 'blogs', summary: 'List blogs' },
  { method: 'post', path: '/api/blogs', tag: 'blogs', summary: 'Create a blog' },
  { method: 'get', path: '/api/blogs/{blogId}', tag: 'blogs', summary: 'A blog' },
  { method: 'patch', path: '/api/blogs/{blogId}', tag: 'blogs', summary: 'Edit a blog you own' },
  { method: 'delete', path: '/api/blogs/{blogId}', tag: 'blogs', summary: 'Delete a blog you own' },
  { method: 'get', path: '/api/posts', tag: 'posts', summary: 'List published posts' },
  { method: 'post', path: '/api/posts', tag: 'posts', summary: 'Write a draft' },
  { method: 'get', path: '/api/posts/{postId}', tag: 'posts', summary: 'A post' },
  { method: 'patch', path: '/api/posts/{postId}', tag: 'posts', summary: 'Edit a draft' },
  { method: 'delete', path: '/api/posts/{postId}', tag: 'posts', summary: 'Delete a post' },
  { method: 'post', path: '/api/posts/{postId}/publish', tag: 'posts', summary: 'Publish a draft' },
  { method: 'post', path: '/api/posts/{postId}/unpublish', tag: 'posts', summary: 'Unpublish' },
  { method: 'post', path: '/api/visits', tag: 'visits', summary: 'Record a visit to a post' },
  { method: 'get', path: '/api/stats/posts/{postId}', tag: 'visits', summary: 'Visits of a post' },
  { method: 'get', path: '/api/stats/blogs/{blogId}', tag: 'visits', summary: 'Visits of a blog' },
  { method: 'get', path: '/api/stats/popular', tag: 'visits', summary: 'Most visited posts' },
  {
    method: 'get',
    path: '/api/subscriptions',
    tag: 'subscriptions',
    summary: 'Your subscriptions',
  },
  {
    method: 'post',
    path: '/api/subscriptions',
    tag: 'subscriptions',
    summary: 'Subscribe to a blog',
  },
  {
    method: 'delete',
    path: '/api/subscriptions/{blogId}',
    tag: 'subscriptions',
    summary: 'Unsubscribe from a blog',
  },
  { method: 'get', path: '/api/feed', tag: 'subscriptions', summary: 'Your feed' },
  { method: 'get', path: '/admin/sagas', tag: 'admin', summary: 'List sagas', admin: true },
  { method: 'get', path: '/admin/sagas/{sagaId}', tag: 'admin', summary: 'A saga', admin: true },
  {
    method: 'post',
    path: '/admin/sagas/{sagaId}/replay',
    tag: 'admin',
    summary: 'Replay a saga on every service',
    admin: true,
  },
  {
    method: 'get',
    path: '/admin/dead-letters',
    tag: 'admin',
    summary: 'Dead letters of every service',
    admin: true,
  },
  {
    method: 'post',
    path: '/admin/dead-letters/redrive',
    tag: 'admin',
    summary: 'Re-drive every dead letter',
    admin: true,
  },
];
