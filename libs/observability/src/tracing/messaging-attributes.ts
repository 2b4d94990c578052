/**
 * Messaging semantic-convention names. The messaging conventions are still "development"
 * status, published only in the large, unversioned `incubating` entry, so the few we use are
 * pinned here.
 */
export const MESSAGING_SYSTEM = 'messaging.system';
export const MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
export const MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
export const MESSAGING_OPERATION_NAME = 'messaging.operation.name';
export const MESSAGING_MESSAGE_ID = 'messaging.message.id';
/** The semantic conventions' name for a correlation id. */
export const MESSAGING_MESSAGE_CONVERSATION_ID = 'messaging.message.conversation_id';

/** Our own attributes, namespaced so a future convention cannot collide with them. */
export const BLOG_SAGA_ID = 'blog.saga.id';
export const BLOG_MESSAGE_TYPE = 'blog.message.type';
