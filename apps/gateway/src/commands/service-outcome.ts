import type { UnreachableService } from '../infrastructure/internal-api.client';
import type { UpstreamName } from '../routing/upstream-names';

export interface ParkedKey {
  readonly topic: string;
  readonly key: string | null;
  readonly error: string;
}

/** What one service did for an operator action, or why it could not. */
export type ServiceOutcome<Done> =
  | ({ readonly service: UpstreamName | 'gateway'; readonly ok: true } & Done)
  | ({ readonly ok: false } & UnreachableService);

export const unreachableOutcome = (entry: UnreachableService): ServiceOutcome<never> => ({
  ok: false,
  ...entry,
});
