import type { SemanticLock } from '@blog/domain';

export type AudienceState =
  | { readonly status: 'unknown' }
  | { readonly status: 'active'; readonly title: string | null }
  | {
      readonly status: 'deleting';
      readonly title: string | null;
      /** The delete-blog saga that closed the subscriptions; only it may restore them. */
      readonly lock: SemanticLock;
      readonly closed: number;
    }
  | { readonly status: 'deleted' };

export const initialAudienceState = (): AudienceState => ({ status: 'unknown' });
