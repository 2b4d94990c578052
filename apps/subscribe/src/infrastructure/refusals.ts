import { AppError, type ErrorKind } from '@blog/chassis';
import { SubscribeRefusal, type SubscribeRefusalCode } from '../domain/subscribe.refusal';

const KIND: Readonly<Record<SubscribeRefusalCode, ErrorKind>> = {
  'SUBSCRIBE.BLOG_NOT_FOUND': 'not-found',
  'SUBSCRIBE.NOT_SUBSCRIBED': 'not-found',
  'SUBSCRIBE.ACCOUNT_CLOSED': 'conflict',
};

/** Domain refusals become the chassis' coded errors at the edge; anything else passes. */
export async function asAppErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SubscribeRefusal) {
      throw new AppError(KIND[error.code], error.code, error.message);
    }
    throw error;
  }
}
