/**
 * A stored event is newer than this code knows (written by a later release): reading it
 * with an older shape would silently drop fields, so the read fails instead.
 */
export class UnknownSchemaVersionError extends Error {
  readonly code = 'EVENTSTORE.UNKNOWN_SCHEMA_VERSION' as const;

  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Event "${eventType}" is stored at schema version ${schemaVersion}; this code knows up to ${currentVersion}`,
    );
    this.name = 'UnknownSchemaVersionError';
  }
}
