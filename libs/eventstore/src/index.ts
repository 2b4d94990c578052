export { eventStoreMigrations } from './migrations/event-store-migrations';
export { CreateEventStore1763950000000 } from './migrations/1763950000000-create-event-store';
export { CreateProjectionCheckpoints1763950000001 } from './migrations/1763950000001-create-projection-checkpoints';

export type {
  Event,
  EventContext,
  EventData,
  EventMetadata,
  EventPosition,
  ExpectedVersion,
  JsonValue,
  RecordedEvent,
} from './events/event';
export { ConcurrencyError } from './errors/concurrency.error';
export { RebuildInProgressError } from './errors/rebuild-in-progress.error';
export { UnknownSchemaVersionError } from './errors/unknown-schema-version.error';

export { type Upcaster, upcaster } from './upcasting/upcaster';
export { UpcasterRegistry } from './upcasting/upcaster-registry';

export { type Checkpoint, START_CHECKPOINT } from './store/checkpoint';
export {
  type AppendResult,
  EventStore,
  type EventStoreOptions,
  type InlineProjection,
  type ReadAllResult,
} from './store/event-store';

export { aggregateStream, type Evolve } from './aggregates/aggregate-stream';
export {
  type CommandOptions,
  type CommandResult,
  type CommandRun,
  type Decide,
  handleCommand,
} from './aggregates/handle-command';
export { type LoadedAggregate, loadAggregate, type LoadOptions } from './aggregates/load-aggregate';
export { retryOnConflict, type RetryOnConflictOptions } from './aggregates/retry-on-conflict';
export { type AppendedState, saveSnapshotIfDue } from './aggregates/save-snapshot-if-due';
export { type SnapshotPolicy } from './aggregates/snapshot-policy';

export type { Projection } from './projections/projection';
export {
  type BatchOutcome,
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from './projections/projection-runner';
export {
  rebuildProjection,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './projections/rebuild-projection';
export { type RebuildCliOptions, runRebuildCli } from './cli/run-rebuild-cli';
