export { type Deadline, deadlineAt, isDue } from './deadline';
export {
  cancelDeadline,
  type DeadlineHandler,
  DeadlineWorker,
  scheduleDeadline,
} from './deadline-store';
export {
  readSagaLog,
  recordSagaStep,
  type RecordedSagaStep,
  type SagaOutcome,
  type SagaStep,
} from './saga-log';
export { republishSagaMessages } from './saga-replay';

import { CreateSagaTables1763900200000 } from './migrations/1763900200000-create-saga-tables';

/** Migrations every saga participant runs. */
export const sagaMigrations = [CreateSagaTables1763900200000];
export {
  MissingSagaIdError,
  recordStepIfInSaga,
  type SagaReaction,
  runSagaStep,
} from './saga-step-handler';
