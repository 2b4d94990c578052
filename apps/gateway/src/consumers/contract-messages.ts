import { type AnyMessageContract, MESSAGE_CONTRACTS } from '@blog/contracts';

/** Every integration message the services send: what the saga monitor can read. */
export const contractMessages = (): readonly AnyMessageContract[] => MESSAGE_CONTRACTS;

/** The contracts' topics: what the saga monitor reads unless configured otherwise. */
export const contractTopics = (): string[] =>
  [...new Set(contractMessages().map((contract) => contract.topic))].sort();
