import { CreateEventStore1763950000000 } from './1763950000000-create-event-store';
import { CreateProjectionCheckpoints1763950000001 } from './1763950000001-create-projection-checkpoints';

/** Migrations every event-sourced service runs, in order. */
export const eventStoreMigrations = [
  CreateEventStore1763950000000,
  CreateProjectionCheckpoints1763950000001,
] as const;
