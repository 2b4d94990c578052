import { capturedLines } from '../testing/captured-lines';
import { createLogger } from './create-logger';
import { NestLoggerAdapter } from './nest-logger.adapter';

describe('NestLoggerAdapter', () => {
  function adapter() {
    const output = capturedLines();
    const logger = createLogger('blog', '1.0.0', { stream: output.stream, level: 'debug' });
    return { nest: new NestLoggerAdapter(logger), output };
  }

  it("maps Nest's levels and keeps its context as log.logger", async () => {
    const { nest, output } = adapter();
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('slow', 'RoutesResolver');
    nest.debug('mapped', 'RouterExplorer');
    nest.fatal('dying');
    expect((await output.lines()).map((l) => [l['log.level'], l['log.logger']])).toEqual([
      ['info', 'NestApplication'],
      ['warn', 'RoutesResolver'],
      ['debug', 'RouterExplorer'],
      ['error', undefined],
    ]);
  });

  it('keeps the stack Nest passes with an error apart from its context', async () => {
    const { nest, output } = adapter();
    const stack = 'Error: boom\n    at handler (post.ts:1:1)';
    nest.error('boom', stack, 'ExceptionsHandler');
    nest.error(new Error('thrown'), 'ExceptionsHandler');
    const [withStack, withError] = await output.lines();
    expect(withStack).toMatchObject({
      'log.level': 'error',
      message: 'boom',
      'log.logger': 'ExceptionsHandler',
      'error.stack_trace': stack,
    });
    expect(withError).toMatchObject({ message: 'thrown', error: { message: 'thrown' } });
  });

  it('redacts objects before it serialises them', async () => {
    const { nest, output } = adapter();
    nest.log({ user: 'ann', password: 'hunter2' }, 'Auth');
    const [line] = await output.lines();
    expect(line?.['message']).toBe('{"user":"ann","password":"[REDACTED]"}');
  });

  it('honours the levels Nest enables', async () => {
    const { nest, output } = adapter();
    nest.setLogLevels(['error', 'warn']);
    nest.log('hidden');
    nest.warn('shown');
    expect((await output.lines()).map((l) => l['message'])).toEqual(['shown']);
  });
});
