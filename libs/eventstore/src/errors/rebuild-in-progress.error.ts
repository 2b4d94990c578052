/** Another rebuild of the same projection holds its rebuild lock; one at a time. */
export class RebuildInProgressError extends Error {
  readonly code = 'EVENTSTORE.REBUILD_IN_PROGRESS' as const;

  constructor(readonly projection: string) {
    super(`A rebuild of projection "${projection}" is already running`);
    this.name = 'RebuildInProgressError';
  }
}
