export type ProfileCommand =
  | {
      readonly type: 'CreateProfile';
      readonly accountId: string;
      readonly handle: string;
      readonly displayName: string;
      readonly sagaId: string;
    }
  | {
      readonly type: 'UpdateProfile';
      /** The account asking: only the owner may edit. */
      readonly actor: string;
      readonly displayName?: string;
      readonly bio?: string | null;
    }
  | { readonly type: 'ReleaseProfile'; readonly sagaId: string; readonly reason: string }
  | { readonly type: 'AnonymiseProfile'; readonly sagaId: string };
