import type { ClosureStep, Role } from './account.events';

export type AccountCommand =
  | {
      readonly type: 'RegisterAccount';
      readonly accountId: string;
      readonly email: string;
      readonly handle: string;
      readonly displayName: string;
      readonly roles: readonly Role[];
      readonly sagaId: string;
    }
  | { readonly type: 'ActivateAccount'; readonly sagaId: string }
  | { readonly type: 'RejectAccount'; readonly sagaId: string; readonly reason: string }
  | { readonly type: 'TimeOutSignUp'; readonly sagaId: string }
  | { readonly type: 'RequestClosure'; readonly sagaId: string }
  | { readonly type: 'CompleteClosureStep'; readonly sagaId: string; readonly step: ClosureStep }
  | { readonly type: 'TimeOutClosure'; readonly sagaId: string };
