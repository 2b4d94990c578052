export type AudienceCommand =
  | {
      readonly type: 'OpenAudience';
      readonly blogId: string;
      readonly ownerId: string;
      readonly title: string;
    }
  | {
      readonly type: 'CloseAudience';
      readonly blogId: string;
      readonly sagaId: string;
      /** Subscriptions open right now (read under the blog's lock). */
      readonly openSubscriptions: number;
    }
  | {
      readonly type: 'RestoreAudience';
      readonly blogId: string;
      readonly sagaId: string;
      /** Subscriptions this saga closed that still exist (some may have unsubscribed). */
      readonly closedBySaga: number;
    }
  | { readonly type: 'RetireAudience'; readonly blogId: string };
