import {
  AccountMessages,
  BlogMessages,
  type MessageContract,
  PostMessages,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
} from '@blog/contracts';
import type { ZodType } from 'zod';

const CONTRACT_MODULES = [
  AccountMessages,
  BlogMessages,
  PostMessages,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
];

/** Every integration message the services send: what the saga monitor can read. */
export const contractMessages = (): MessageContract<string, ZodType>[] =>
  CONTRACT_MODULES.flatMap((module) =>
    Object.values(module as Record<string, MessageContract<string, ZodType>>),
  );

/** The contracts' topics: what the saga monitor reads unless configured otherwise. */
export const contractTopics = (): string[] =>
  [...new Set(contractMessages().map((contract) => contract.topic))].sort();
