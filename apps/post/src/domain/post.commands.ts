import type { KnownBlog } from './known-blog';

export type PostCommand =
  | {
      readonly type: 'DraftPost';
      readonly postId: string;
      readonly authorId: string;
      /** Null when post has not learned of the blog (yet). */
      readonly blog: KnownBlog | null;
      readonly title: string;
      readonly slug: string;
      readonly body: string;
    }
  | {
      readonly type: 'EditPost';
      readonly callerId: string;
      readonly title?: string | undefined;
      /** The slug for `title`, when the title changes and the post was never published. */
      readonly slug?: string | undefined;
      readonly body?: string | undefined;
    }
  | {
      readonly type: 'RequestPublication';
      readonly callerId: string;
      readonly sagaId: string;
      readonly blog: KnownBlog | null;
    }
  | { readonly type: 'CompletePublication'; readonly sagaId: string; readonly publishedAt: string }
  | { readonly type: 'RevertPublication'; readonly sagaId: string; readonly reason: string }
  | { readonly type: 'TimeOutPublication'; readonly sagaId: string }
  | { readonly type: 'UnpublishPost'; readonly callerId: string }
  | { readonly type: 'DeletePost'; readonly callerId: string }
  | { readonly type: 'ArchivePost'; readonly sagaId: string }
  | { readonly type: 'RestorePost'; readonly sagaId: string };
