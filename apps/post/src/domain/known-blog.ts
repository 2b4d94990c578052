/**
 * What post knows of a blog, learned from blog's events (never from blog's database):
 * who owns it and where its lifecycle is. `deletionSagaId` is set while DELETING.
 */
export interface KnownBlog {
  readonly blogId: string;
  readonly ownerId: string;
  readonly status: 'ACTIVE' | 'DELETING' | 'DELETED';
  readonly deletionSagaId: string | null;
}
