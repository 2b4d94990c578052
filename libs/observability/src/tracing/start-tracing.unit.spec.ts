import { trace } from '@opentelemetry/api';
import { startTracing } from './start-tracing';
import { activeTracing } from './tracing-lifecycle';

describe('startTracing', () => {
  it('does nothing when OTEL_SDK_DISABLED is true', () => {
    const tracing = startTracing({
      serviceName: 'post',
      serviceVersion: '1.0.0',
      env: { OTEL_SDK_DISABLED: 'true' },
    });
    expect(tracing).toBeNull();
    expect(activeTracing()).toBeNull();
    expect(trace.getTracer('spec').startSpan('probe').isRecording()).toBe(false);
  });
});
