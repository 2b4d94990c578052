import { messagePactSpec } from '@blog/testing/message-pact';
import { AccountConsumer } from './account.consumer';
import { BlogConsumer } from './blog.consumer';
import { PostConsumer } from './post.consumer';

// What visitor relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
messagePactSpec('visitor', [
  {
    consumer: BlogConsumer,
    expects: { BlogCreated: { reads: ['blogId'] }, BlogDeleted: { reads: ['blogId'] } },
  },
  {
    consumer: PostConsumer,
    expects: {
      PostPublished: { reads: ['postId', 'blogId', 'publishedAt'] },
      PostUnpublished: { reads: ['postId'] },
    },
  },
  {
    consumer: AccountConsumer,
    expects: { AccountClosureRequested: { reads: ['accountId'], inSaga: true } },
  },
]);
