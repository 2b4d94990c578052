import type { SemanticLock } from '@blog/domain';
import type { ArchivableStatus } from './post.events';

export type PostStatus = 'DRAFT' | 'PUBLISHING' | 'PUBLISHED' | 'ARCHIVED' | 'DELETED';

/** How the latest publication went, so a client polling after 202 sees the outcome. */
export interface PublicationOutcome {
  readonly sagaId: string;
  readonly status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'TIMED_OUT';
  readonly reason: string | null;
}

export type PostState =
  | { readonly status: 'NONE' }
  | {
      readonly status: PostStatus;
      readonly postId: string;
      readonly blogId: string;
      readonly authorId: string;
      readonly title: string;
      readonly slug: string;
      readonly body: string;
      /** Held by the publish-post saga while PUBLISHING. */
      readonly lock: SemanticLock | null;
      readonly publishedAt: string | null;
      readonly publication: PublicationOutcome | null;
      /** Set while ARCHIVED: which deletion archived it and what it was before. */
      readonly archive: {
        readonly sagaId: string;
        readonly previousStatus: ArchivableStatus;
      } | null;
    };

export type ExistingPost = Exclude<PostState, { status: 'NONE' }>;

export const initialPostState = (): PostState => ({ status: 'NONE' });
