import type { InboundMessage, ProcessOutcome } from '@blog/consumer';
import type { Logger } from '@nestjs/common';

/**
 * One line per message a consumer handled, written inside the message's context so the
 * ECS format adds `labels.saga_id`, `labels.message_id` and the trace: the lines that let
 * an operator follow one saga across services in Kibana or with jq. Plain text on purpose:
 * Nest's logger serialises objects into `message`. Duplicates are debug: at-least-once
 * delivery makes them routine.
 */
export function logHandledMessage(
  logger: Logger,
  consumer: string,
  message: InboundMessage<unknown>,
  outcome: ProcessOutcome,
  startedAt: number,
): void {
  const tookMs = (performance.now() - startedAt).toFixed(1);
  const line = `${consumer} ${outcome} ${message.envelope.type} from ${message.topic} in ${tookMs} ms`;
  if (outcome === 'dead-lettered') logger.warn(line);
  else if (outcome === 'duplicate') logger.debug(line);
  else logger.log(line);
}
