import { contractProblems, templateOf } from './api-contract';

const blog = {
  id: '3f1c0d1e-8a44-4a8e-9a55-0c1b7f0e2a10',
  ownerId: '9b2e6c4a-1f0d-4c1e-8d7b-5a3e2f1c0b9a',
  title: 'Field notes',
  slug: 'field-notes',
  description: '',
  status: 'ACTIVE',
  version: 1,
  createdAt: '2026-01-15T09:30:00.000Z',
  updatedAt: '2026-01-15T09:30:00.000Z',
  deletion: null,
};

describe('answers measured against the OpenAPI document', () => {
  it('finds the route of a concrete path, literal segments first', () => {
    expect(templateOf('/api/stats/popular')).toBe('/api/stats/popular');
    expect(templateOf(`/api/blogs/${blog.id}`)).toBe('/api/blogs/{blogId}');
    expect(templateOf('/health/ready')).toBeUndefined();
  });

  it('accepts an answer as documented', () => {
    expect(contractProblems('GET', `/api/blogs/${blog.id}`, 200, blog)).toEqual([]);
    expect(contractProblems('GET', '/api/blogs', 200, { items: [blog], nextCursor: null })).toEqual(
      [],
    );
    expect(contractProblems('DELETE', `/api/posts/${blog.id}`, 204, null)).toEqual([]);
  });

  it.each([
    ['an undocumented member', 200, { ...blog, secret: 'x' }],
    ['a missing member', 200, { ...blog, slug: undefined }],
    ['a member of the wrong type', 200, { ...blog, version: '1' }],
    ['an undocumented status', 418, { code: 'TEAPOT', message: 'no' }],
    ['an undocumented error code', 404, { code: 'POST.NOT_FOUND', message: 'no' }],
  ])('refuses %s', (_what, status, body) => {
    expect(contractProblems('GET', `/api/blogs/${blog.id}`, status, body)).not.toEqual([]);
  });

  it('holds undocumented paths to the error body when they refuse', () => {
    expect(contractProblems('GET', '/nowhere', 404, { code: 'NOT_FOUND', message: 'x' })).toEqual(
      [],
    );
    expect(contractProblems('GET', '/nowhere', 404, { error: 'Not Found' })).not.toEqual([]);
  });
});
