export {
  ensureTopics,
  produceRecords,
  type ReceivedRecord,
  type RecordToProduce,
  stackKafka,
  withStackAdmin,
  TopicRecorder,
} from './kafka-probe';
export { SERVICE_MALLOC_ENV, serviceInstanceUrls, STACK, uniqueName } from './stack-endpoints';
export { createTestDatabase, type TestDatabase } from './test-database';
export { inDatabase, rowsOf } from './service-db';
export { stackCommand, stackProcesses } from './stack-control';
export { whileConnectorPaused } from './connector-pause';
export { tolerateForcedDrop } from './tolerate-forced-drop';
export { mintAccessToken, type TokenClaims } from './access-tokens';
export { api, type ApiResponse, apiUrl, eventually } from './api-client';
export { contractProblems, problemsAt, templateOf } from './api-contract';
export { bearer, client } from './typed-api';
export { logIn, newPerson, type Person, type Registration, signUp } from './sign-up';
export {
  findTraces,
  getTrace,
  JAEGER_QUERY_URL,
  type JaegerSpan,
  type JaegerTrace,
  type TraceSearch,
} from './jaeger-query';
export { SAGA_ID_ATTRIBUTE, sagaTrace, type SagaTraceOptions, traceIdsOfSaga } from './saga-trace';
export { type AttributeValue, type TracedSpan, TraceView } from './trace-view';
export { buildAppImage, buildBaseImage, podman, PODMAN_GLOBAL_FLAGS, RUN_LIMITS } from './podman';
export { prettyJson } from './pretty-json';
