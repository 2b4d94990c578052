import { newPerson } from '@blog/testing';
import type { JsonApi } from '../lib/json-api';
import type { Accepted } from './terminal-poller';

/** Saga 1's command through the gateway: register answers 202 with the account and saga ids. */
export async function startSignUp(api: JsonApi): Promise<Accepted | string> {
  const response = await api.call<{ accountId: string; sagaId: string }>(
    'POST',
    '/api/auth/register',
    { body: newPerson() },
  );
  const acceptedAt = performance.now();
  if (response.status !== 202) return `register ${response.status}`;
  return { id: response.body.accountId, sagaId: response.body.sagaId, acceptedAt };
}

/** Saga 2's command: publish a draft; 202 with the saga id, the post is PUBLISHING. */
export async function startPublish(
  api: JsonApi,
  token: string,
  postId: string,
): Promise<Accepted | string> {
  const response = await api.call<{ sagaId: string }>('POST', `/api/posts/${postId}/publish`, {
    token,
  });
  const acceptedAt = performance.now();
  if (response.status !== 202) return `publish ${response.status}`;
  return { id: postId, sagaId: response.body.sagaId, acceptedAt };
}
