export type SubscribeRefusalCode =
  'SUBSCRIBE.BLOG_NOT_FOUND' | 'SUBSCRIBE.NOT_SUBSCRIBED' | 'SUBSCRIBE.ACCOUNT_CLOSED';

/** A command the subscription rules refuse; the code is stable, the message is for people. */
export class SubscribeRefusal extends Error {
  constructor(
    readonly code: SubscribeRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'SubscribeRefusal';
  }
}
