import { trace } from '@opentelemetry/api';
import { capturedLines } from '../testing/captured-lines';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { createLogger } from './create-logger';
import { DATASET } from './ecs-context.format';
import { withMessageContext } from './message-context';

describe('createLogger', () => {
  const spans = useInMemoryTracing();

  function postLogger() {
    const output = capturedLines();
    return { logger: createLogger('post', '1.2.3', { stream: output.stream }), output };
  }

  it('writes one ECS JSON object per line with service and dataset', async () => {
    const { logger, output } = postLogger();
    logger.info('post published', { 'post.id': 'p-1' });
    const [line] = await output.lines();
    expect(line).toMatchObject({
      'log.level': 'info',
      message: 'post published',
      'service.name': 'post',
      'service.version': '1.2.3',
      'event.dataset': 'post.app',
      'post.id': 'p-1',
    });
    expect(Date.parse(String(line?.['@timestamp']))).not.toBeNaN();
    expect(line).toHaveProperty('ecs.version');
    expect(line).not.toHaveProperty('level');
    expect(line).not.toHaveProperty('trace.id');
    expect(line).not.toHaveProperty('labels.saga_id');
  });

  it('names the dataset of a child logger after its purpose', async () => {
    const { logger, output } = postLogger();
    logger.child({ [DATASET]: 'access' }).info('GET /posts 200');
    const [line] = await output.lines();
    expect(line?.['event.dataset']).toBe('post.access');
    expect(JSON.stringify(line)).not.toContain('observability.dataset');
  });

  it('adds trace, span and transaction ids from the active span', async () => {
    const { logger, output } = postLogger();
    const tracer = trace.getTracer('spec');
    const ids = tracer.startActiveSpan('request', (root) =>
      tracer.startActiveSpan('query', (child) => {
        logger.info('inside');
        child.end();
        root.end();
        return { root: root.spanContext(), child: child.spanContext() };
      }),
    );
    const [line] = await output.lines();
    expect(line).toMatchObject({
      'trace.id': ids.root.traceId,
      'span.id': ids.child.spanId,
      'transaction.id': ids.root.spanId,
    });
    expect(spans.getFinishedSpans()).toHaveLength(2);
  });

  it('labels lines with the saga, correlation and message ids of the work', async () => {
    const { logger, output } = postLogger();
    await withMessageContext(
      { sagaId: 's-1', correlationId: 'c-1', messageId: 'm-1' },
      async () => {
        await Promise.resolve();
        logger.warn('compensating');
        withMessageContext({ messageId: 'm-2' }, () => logger.info('nested'));
      },
    );
    logger.info('outside');
    const [inside, nested, outside] = await output.lines();
    expect(inside).toMatchObject({
      'labels.saga_id': 's-1',
      'labels.correlation_id': 'c-1',
      'labels.message_id': 'm-1',
    });
    expect(nested).toMatchObject({ 'labels.saga_id': 's-1', 'labels.message_id': 'm-2' });
    expect(outside).not.toHaveProperty('labels.message_id');
  });

  it('turns a logged error into ECS error fields', async () => {
    const { logger, output } = postLogger();
    logger.error('publish failed', { err: new TypeError('boom') });
    const [line] = await output.lines();
    expect(line).toMatchObject({ error: { type: 'TypeError', message: 'boom' } });
    expect(line?.['error']).toHaveProperty('stack_trace');
  });

  it('drops lines below its level', async () => {
    const output = capturedLines();
    const logger = createLogger('post', '1.2.3', { stream: output.stream, level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect((await output.lines()).map((line) => line['message'])).toEqual(['shown']);
  });
});
