export type SubscriptionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly subscriberId: string;
      readonly blogId: string;
      readonly subscribedAt: string;
    }
  | {
      readonly status: 'ended';
      readonly subscriberId: string;
      readonly blogId: string;
      readonly endedBy: 'unsubscribed' | 'account-closed';
    };

export const initialSubscriptionState = (): SubscriptionState => ({ status: 'none' });
