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
export { mintAccessToken, type TokenClaims } from './access-tokens';
export { api, type ApiResponse, apiUrl, eventually } from './api-client';
export { logIn, newPerson, type Person, type Registration, signUp } from './sign-up';
