import { SagaKeepingSampler } from './saga-keeping.sampler';
import { DEFAULT_READ_SAMPLE_RATIO, readSampleRatio, samplerFromEnv } from './sampler-from-env';

describe('samplerFromEnv', () => {
  it('keeps one read trace in ten unless told otherwise', () => {
    expect(DEFAULT_READ_SAMPLE_RATIO).toBe(0.1);
    for (const env of [{}, { TRACE_READ_SAMPLE_RATIO: '' }, { TRACE_READ_SAMPLE_RATIO: '  ' }]) {
      const sampler = samplerFromEnv(env);
      expect(sampler).toBeInstanceOf(SagaKeepingSampler);
      expect(sampler).toMatchObject({ readRatio: 0.1 });
    }
  });

  it.each([
    ['0', 0],
    ['1', 1],
    [' 0.25 ', 0.25],
    ['1.0', 1],
  ])('reads TRACE_READ_SAMPLE_RATIO=%s as %d', (raw, ratio) => {
    expect(readSampleRatio({ TRACE_READ_SAMPLE_RATIO: raw })).toBe(ratio);
  });

  it.each(['ten percent', '-0.1', '1.5', '10', 'NaN', 'Infinity'])(
    'refuses TRACE_READ_SAMPLE_RATIO=%s instead of guessing',
    (raw) => {
      expect(() => samplerFromEnv({ TRACE_READ_SAMPLE_RATIO: raw })).toThrow(
        /TRACE_READ_SAMPLE_RATIO must be a number from 0 to 1/,
      );
    },
  );

  it('leaves the choice to the SDK when OTEL_TRACES_SAMPLER names a sampler', () => {
    expect(
      samplerFromEnv({ OTEL_TRACES_SAMPLER: 'always_on', TRACE_READ_SAMPLE_RATIO: '0.5' }),
    ).toBeUndefined();
  });
});
