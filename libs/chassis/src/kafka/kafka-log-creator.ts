import { Logger } from '@nestjs/common';
import { type logCreator, logLevel } from 'kafkajs';

/**
 * Routes kafkajs's own logs through Nest's logger, so they become ECS lines like every other
 * line the service writes (kafkajs's default creator prints its own JSON shape).
 *
 * A `Connection` namespace error is one broker response (e.g. TOPIC_ALREADY_EXISTS when a
 * sibling service created the topic first); kafkajs either retries it or raises it to the
 * caller, who logs what it means. So those are debug lines, not errors.
 */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
    const line = { message: `[${namespace}] ${message}`, ...fields };
    if (namespace === 'Connection' || level === logLevel.DEBUG) logger.debug(line);
    else if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.log(line);
  };
};
