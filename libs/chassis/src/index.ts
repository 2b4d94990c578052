export { SERVICE_CONFIG } from './config/config.tokens';
export {
  InvalidConfigError,
  loadServiceConfig,
  serviceConfigSchema,
  type ServiceConfig,
} from './config/service-config';
export {
  localDatabaseUrl,
  OUTBOX_SERVICES,
  SERVICE_NAMES,
  SERVICE_PORTS,
  type ServiceName,
} from './config/service-names';
export type { MigrationList } from './database/database.module';
export { fetchConnectorHealth } from './health/connector-status';
export type { ReadinessCheck } from './health/readiness-check';
export { KafkaAdmin } from './kafka/kafka-admin';
export { createKafka } from './kafka/kafka-client';
export {
  createServiceApp,
  runService,
  type ServiceApp,
  type ServiceDefinition,
} from './bootstrap/create-service-app';
export { PG_POOL } from './database/pg-pool.provider';
export { AppError, type ErrorKind, HTTP_STATUS_OF } from './errors/app-error';
export { type InputParser, inputParser, parseAdminInput, sagaIdSchema } from './http/parse-input';
export {
  assertJsonShape,
  decodeJsonBody,
  JSON_BODY_LIMITS,
  JSON_CONTENT_TYPE,
  readJsonBody,
} from './http/json-body';
export { REQUEST_ID_HEADER, requestIdOf } from './http/request-id';
export { decodeSeqCursor, encodeSeqCursor } from './http/seq-cursor';
export {
  type Access,
  type Answer,
  Endpoint,
  type ErrorStatus,
  type HttpMethod,
  pageOf,
  pageQuery,
  primaryStatusOf,
  type Refusal,
  type Route,
  type RouteInput,
  type RouteSpec,
  serviceRoutes,
  type SuccessStatus,
} from './http/route';
export { type DeclaredRoutes, declaredRoutesOf } from './http/route-discovery';
export {
  type DocumentedOperation,
  DocumentSchemas,
  documentRoutes,
  ERROR_BODY_SCHEMA,
  type JsonObject,
  refusalsOfShape,
  responsesOf,
  templateOf,
} from './http/openapi';
export { RouteAnswerInterceptor, UndocumentedAnswerError } from './http/route-answer.interceptor';
export { type ErrorBody, errorResponseOf, ErrorBodyFilter } from './errors/error-body.filter';
export { type ConsumerDefinition, ConsumerHost } from './messaging/consumer-host';
export {
  InboxConsumer,
  type InboxConsumerDeclaration,
  type InboxContext,
  inboxDeclarationOf,
  isInboxConsumer,
  OnEnvelopes,
  OnMessage,
} from './messaging/inbox-consumer';
export {
  consumerDefinitionOf,
  InboxTransport,
  type InboxTransportOptions,
} from './messaging/inbox-transport';
export { type DeadlineHandlers, DeadlineHost } from './messaging/deadline-host';
export { type Cause, causeOfMessage, eventContextOf, messageContextOf } from './cause/cause';
export { RequestCause } from './cause/request-cause.decorator';
export { AccessTokenVerifier } from './auth/access-token-verifier';
export { AuthenticatedGuard, CurrentCaller, Public, Roles } from './auth/authenticated.guard';
export { type Caller, isAdmin, type Role } from './auth/caller';
export { accountIdOf } from './auth/account-id';
export { SagaAdminController } from './admin/saga-admin.controller';
export {
  adminRoute,
  deadLetterFilter,
  deadLetterView,
  redriveResult,
  replayResult,
  sagaIdParams,
} from './admin/saga-admin.routes';
export { PublicMetricsController } from './observability/public-metrics.controller';
