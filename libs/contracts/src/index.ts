export {
  type AsyncApiChannel,
  type AsyncApiDocument,
  type AsyncApiMessage,
  type AsyncApiOperation,
  buildAsyncApiDocument,
  type ConsumerGroupDeclaration,
} from './asyncapi-document';
export * as AccountMessages from './account.contracts';
export * as BlogMessages from './blog.contracts';
export { Handle, Id } from './ids';
export { MESSAGE_CONTRACTS } from './message-catalog';
export {
  type AnyMessageContract,
  defineMessage,
  type MessageContext,
  type MessageContract,
  type MessageUpcasters,
  type PayloadOf,
} from './message-contract';
export { type JsonSchema, payloadSchemaOf } from './payload-schema';
export * as PostMessages from './post.contracts';
export * as ProfileMessages from './profile.contracts';
export {
  SAGA_CATALOG,
  SAGA_TYPES,
  type SagaShape,
  type SagaType,
  sagaStartedBy,
} from './saga-catalog';
export { freeSlug, slugOf } from './slug';
export * as SubscriptionMessages from './subscription.contracts';
export * as VisitorMessages from './visitor.contracts';
