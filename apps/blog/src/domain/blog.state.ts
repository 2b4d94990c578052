import type { SemanticLock } from '@blog/domain';
import type { DeletionParticipant } from './blog.events';

export type BlogStatus = 'ACTIVE' | 'DELETING' | 'DELETED';

export interface BlogDeletion {
  readonly sagaId: string;
  readonly closureSagaId: string | null;
  readonly confirmed: readonly DeletionParticipant[];
}

export type BlogState =
  | { readonly status: 'NONE' }
  | {
      readonly status: BlogStatus;
      readonly blogId: string;
      readonly ownerId: string;
      readonly title: string;
      readonly slug: string;
      readonly description: string;
      /** Held by the delete-blog saga while DELETING. */
      readonly lock: SemanticLock | null;
      readonly deletion: BlogDeletion | null;
    };

export type ExistingBlog = Exclude<BlogState, { status: 'NONE' }>;

export const initialBlogState = (): BlogState => ({ status: 'NONE' });
