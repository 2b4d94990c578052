import { messagePactSpec } from '@blog/testing/message-pact';
import { AccountClosureConsumer } from './account-closure.consumer';
import { BlogDeletionConsumer } from './blog-deletion.consumer';
import { PublicationConsumer } from './publication.consumer';

// What blog relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
messagePactSpec('blog', [
  {
    consumer: PublicationConsumer,
    expects: { PublishRequested: { reads: ['postId', 'blogId', 'authorId'], inSaga: true } },
  },
  {
    consumer: BlogDeletionConsumer,
    expects: {
      BlogPostsArchived: { reads: ['blogId'], inSaga: true },
      BlogPostsArchiveRefused: { reads: ['blogId', 'reason'], inSaga: true },
      BlogSubscriptionsClosed: { reads: ['blogId'], inSaga: true },
      BlogSubscriptionsCloseRefused: { reads: ['blogId', 'reason'], inSaga: true },
    },
  },
  {
    consumer: AccountClosureConsumer,
    expects: { AccountClosureRequested: { reads: ['accountId'], inSaga: true } },
  },
]);
