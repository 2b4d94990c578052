import type { Sampler } from '@opentelemetry/sdk-trace-base';
import { SagaKeepingSampler } from './saga-keeping.sampler';

/**
 * One read trace in ten. Every command and saga is kept whatever this says, and a read is one
 * hop (gateway → service → a query) whose latency the HTTP metrics already count per route, so
 * one in ten still shows where a read's time goes. Keeping all of them was the largest cost
 * of the gateway hop we chose to pay (bench/RESULTS.md, gateway, 2026-12-04). A client that
 * wants one particular read traced sends a sampled `traceparent` (`…-01`).
 */
export const DEFAULT_READ_SAMPLE_RATIO = 0.1;

export const READ_SAMPLE_RATIO_VAR = 'TRACE_READ_SAMPLE_RATIO';

/**
 * The sampler tracing starts with. OTEL_TRACES_SAMPLER, when set, is the OpenTelemetry
 * standard way to choose one and wins: undefined lets the SDK build it (a ratio sampler of
 * its own keeps no promise about sagas). Otherwise the saga-keeping policy, keeping
 * TRACE_READ_SAMPLE_RATIO of the reads (1: every trace).
 */
export function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler | undefined {
  if (env['OTEL_TRACES_SAMPLER']?.trim()) return undefined;
  return new SagaKeepingSampler(readSampleRatio(env));
}

/**
 * Fails the start rather than guess: a typo silently read as 0 would drop every read's trace,
 * and as 1 would bring back the cost the ratio is there to save.
 */
export function readSampleRatio(env: NodeJS.ProcessEnv): number {
  const raw = env[READ_SAMPLE_RATIO_VAR]?.trim();
  if (!raw) return DEFAULT_READ_SAMPLE_RATIO;
  const ratio = Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new Error(`${READ_SAMPLE_RATIO_VAR} must be a number from 0 to 1, got "${raw}"`);
  }
  return ratio;
}
