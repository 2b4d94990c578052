import { deadLetterView, pageOf, redriveResult, replayResult } from '@blog/chassis';
import type { z } from 'zod';

/** What the services' `/internal` routes answer: their own declared schemas (SagaAdminController). */
export type DeadLetterView = z.output<typeof deadLetterView>;

export const deadLetterPageSchema = pageOf(deadLetterView);
export const redriveResultSchema = redriveResult;
export const replayResultSchema = replayResult;
