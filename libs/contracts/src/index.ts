export {
  defineMessage,
  type MessageContext,
  type MessageContract,
  on,
  outboxMessageOf,
  type PayloadOf,
} from './message-contract';
