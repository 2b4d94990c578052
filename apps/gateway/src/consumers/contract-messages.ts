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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches exactly the contracts' topics. Not `outbox.event.*`: every other outbox on the
 * same Kafka (benchmarks', tests', another team's) would then flow through the monitor's
 * inbox too, costing its database a write per message it can only ignore.
 */
export function contractTopicPattern(): string {
  const topics = [...new Set(contractMessages().map((contract) => contract.topic))].sort();
  return `^(?:${topics.map(escapeRegExp).join('|')})$`;
}
