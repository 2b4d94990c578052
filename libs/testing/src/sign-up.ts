import { randomUUID } from 'node:crypto';
import { eventually } from './api-client';
import { client } from './typed-api';

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
  const registered = await client.POST('/api/auth/register', { body: person, headers });
  if (!registered.data) {
    const { status } = registered.response;
    throw new Error(`register answered ${status}: ${JSON.stringify(registered.error)}`);
  }
  const { accountId, sagaId } = registered.data;
  const settled = await eventually(
    () =>
      client.GET('/api/auth/registrations/{accountId}', {
        params: { path: { accountId }, query: { sagaId } },
      }),
    (answer) => answer.data !== undefined && answer.data.status !== 'PENDING',
  );
  if (!settled.data) throw new Error(`no registration: ${JSON.stringify(settled.error)}`);
  return settled.data;
}

/** Logs in through the gateway and returns the access token. */
export async function logIn(person: Person, headers: Record<string, string> = {}) {
  const session = await client.POST('/api/auth/login', {
    body: { email: person.email, password: person.password },
    headers,
  });
  if (!session.data) {
    const { status } = session.response;
    throw new Error(`login answered ${status}: ${JSON.stringify(session.error)}`);
  }
  return session.data;
}
