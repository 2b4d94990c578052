import type { DeletionParticipant } from './blog.events';

/** Who asks for a deletion: the owner over HTTP, or an account closure (saga 4) for its owner. */
export type DeletionRequester =
  | { readonly kind: 'owner'; readonly accountId: string }
  | { readonly kind: 'account-closure'; readonly closureSagaId: string };

export type BlogCommand =
  | {
      readonly type: 'CreateBlog';
      readonly blogId: string;
      readonly ownerId: string;
      readonly title: string;
      readonly slug: string;
      readonly description: string;
    }
  | {
      readonly type: 'UpdateBlog';
      readonly callerId: string;
      readonly title?: string | undefined;
      readonly description?: string | undefined;
    }
  | {
      readonly type: 'RequestDeletion';
      readonly sagaId: string;
      readonly requester: DeletionRequester;
    }
  | {
      readonly type: 'ConfirmDeletion';
      readonly sagaId: string;
      readonly participant: DeletionParticipant;
    }
  | {
      readonly type: 'RefuseDeletion';
      readonly sagaId: string;
      readonly participant: DeletionParticipant;
      readonly reason: string;
    }
  | { readonly type: 'TimeOutDeletion'; readonly sagaId: string };
