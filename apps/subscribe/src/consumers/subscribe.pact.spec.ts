import { messagePactSpec } from '@blog/testing/message-pact';
import { AccountConsumer } from './account.consumer';
import { BlogConsumer } from './blog.consumer';
import { PostConsumer } from './post.consumer';

// What subscribe relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
messagePactSpec('subscribe', [
  {
    consumer: BlogConsumer,
    expects: {
      BlogCreated: { reads: ['blogId', 'ownerId', 'title'] },
      BlogDeletionRequested: { reads: ['blogId'], inSaga: true },
      BlogDeletionCancelled: { reads: ['blogId'], inSaga: true },
      BlogDeletionTimedOut: { reads: ['blogId'], inSaga: true },
      BlogDeleted: { reads: ['blogId'] },
    },
  },
  {
    consumer: PostConsumer,
    expects: {
      PostPublished: { reads: ['postId', 'blogId', 'authorId', 'title', 'slug', 'publishedAt'] },
      PostUnpublished: { reads: ['postId'] },
    },
  },
  {
    consumer: AccountConsumer,
    expects: { AccountClosureRequested: { reads: ['accountId'], inSaga: true } },
  },
]);
