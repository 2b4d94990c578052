export type Role = 'user' | 'admin';

/** Who is calling, as proven by a verified access token. */
export interface Caller {
  readonly accountId: string;
  readonly roles: readonly Role[];
  readonly tokenId: string;
}

export const isAdmin = (caller: Caller) => caller.roles.includes('admin');
