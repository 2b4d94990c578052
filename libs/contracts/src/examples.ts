/**
 * The ids the contracts' examples share, so one example reads as the next step of another
 * (the blog of the post, the account of the blog) in the documents and contract tests.
 */
export const EXAMPLE_IDS = {
  accountId: '0b8e7c1a-4d2f-4b8e-9a31-5c6d7e8f9a01',
  blogId: '3f2a9c4e-7b1d-4e6a-8c5f-1a2b3c4d5e02',
  postId: '7d4c2b1a-9e8f-4a6b-b5c4-3d2e1f0a9b03',
  otherPostId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c04',
} as const;
