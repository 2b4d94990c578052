export {
  ensureTopics,
  produceRecords,
  type ReceivedRecord,
  type RecordToProduce,
  stackKafka,
  TopicRecorder,
} from './kafka-probe';
export { STACK, uniqueName } from './stack-endpoints';
export { createTestDatabase, type TestDatabase } from './test-database';
export { stackCommand, stackProcesses } from './stack-control';
export { tolerateForcedDrop } from './tolerate-forced-drop';
