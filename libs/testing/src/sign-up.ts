import { randomUUID } from 'node:crypto';
import { api, eventually } from './api-client';

export interface Person {
  readonly email: string;
  readonly password: string;
  readonly handle: string;
  readonly displayName: string;
}

export interface Registration {
  readonly accountId: string;
  readonly sagaId: string;
  readonly status: string;
  readonly reason?: string;
}

/** Fresh email and handle: specs share one stack, so nothing may collide across runs. */
export const newPerson = (handle = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`) => ({
  email: `${randomUUID()}@example.com`,
  password: `pw ${randomUUID()}`,
  handle,
  displayName: `Person ${handle}`,
});

/** Saga 1 through the gateway: register (202), then poll until it is no longer PENDING. */
export async function signUp(
  person: Person,
  headers: Record<string, string> = {},
): Promise<Registration> {
  const registered = await api<Registration>('POST', '/api/auth/register', {
    body: person,
    headers,
  });
  if (registered.status !== 202) {
    throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  }
  const { accountId, sagaId } = registered.body;
  const settled = await eventually(
    () => api<Registration>('GET', `/api/auth/registrations/${accountId}?sagaId=${sagaId}`),
    (response) => response.body.status !== 'PENDING',
  );
  return settled.body;
}

/** Logs in through the gateway and returns the access token. */
export async function logIn(person: Person, headers: Record<string, string> = {}) {
  const session = await api<{ accessToken: string; accountId: string }>('POST', '/api/auth/login', {
    body: { email: person.email, password: person.password },
    headers,
  });
  if (session.status !== 200) {
    throw new Error(`login answered ${session.status}: ${JSON.stringify(session.body)}`);
  }
  return session.body;
}
