import { messagePactSpec } from '@blog/testing/message-pact';
import { BlogConsumer } from './blog.consumer';

// What post relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
messagePactSpec('post', [
  {
    consumer: BlogConsumer,
    expects: {
      BlogCreated: { reads: ['blogId', 'ownerId'] },
      BlogDeletionRequested: { reads: ['blogId', 'ownerId'], inSaga: true },
      BlogDeleted: { reads: ['blogId'] },
      BlogDeletionCancelled: { reads: ['blogId'], inSaga: true },
      BlogDeletionTimedOut: { reads: ['blogId'], inSaga: true },
      PublicationApproved: { reads: ['postId', 'blogId'], inSaga: true },
      PublicationRejected: { reads: ['postId', 'blogId', 'reason'], inSaga: true },
    },
  },
]);
