export type ProfileStatus = 'ACTIVE' | 'RELEASED' | 'ANONYMISED';

export type ProfileState =
  | { readonly status: 'NONE' }
  | {
      readonly status: ProfileStatus;
      readonly accountId: string;
      /** null once released or anonymised: the handle is free for someone else. */
      readonly handle: string | null;
      readonly displayName: string | null;
      readonly bio: string | null;
      /** The sign-up saga that created it: only that saga's failure releases it. */
      readonly signUpSagaId: string;
    };

export const initialProfileState = (): ProfileState => ({ status: 'NONE' });
