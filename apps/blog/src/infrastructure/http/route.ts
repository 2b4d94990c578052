import { serviceRoutes } from '@blog/chassis';

/** Declares one of blog's HTTP routes (see libs/chassis/src/http/route.ts). */
export const route = serviceRoutes('BLOG.INVALID_INPUT');

/** Refusals several of blog's routes share. */
export const BLOG_NOT_FOUND = {
  status: 404,
  code: 'BLOG.NOT_FOUND',
  when: 'no such blog',
} as const;
export const BLOG_LOCKED = {
  status: 409,
  code: 'LOCKED',
  when: 'the blog is being deleted (saga 3): `details` name the saga',
} as const;
export const CONCURRENT_CHANGE = {
  status: 409,
  code: 'CONCURRENCY',
  when: 'another change to the blog won the race; retry',
} as const;

/** What every change to an existing blog can meet. */
export const BLOG_CHANGE_REFUSALS = [
  BLOG_NOT_FOUND,
  { status: 403, code: 'BLOG.NOT_OWNER', when: 'the caller does not own the blog' },
  { status: 409, code: 'BLOG.DELETED', when: 'the blog has been deleted' },
  BLOG_LOCKED,
  CONCURRENT_CHANGE,
] as const;
