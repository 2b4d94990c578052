import { Injectable } from '@nestjs/common';
import { ConsumerHost } from '@blog/chassis';
import { SAGA_MONITOR } from '../consumers/saga-monitor.consumer';
import type { UpstreamName } from '../routing/upstream-names';
import {
  type InternalCall,
  InternalApiClient,
  type UnreachableService,
} from './internal-api.client';
import { type DeadLetterView, deadLetterListSchema } from './internal-api.schemas';

export type OperatorCall = Omit<InternalCall, 'method' | 'path'>;

export interface DeadLetterFilter {
  readonly status?: DeadLetterView['status'];
  readonly sagaId?: string;
}

/** A dead letter and the service holding it; `gateway` is the saga monitor's own. */
export interface ServiceDeadLetter extends DeadLetterView {
  readonly service: UpstreamName | 'gateway';
}

export interface DeadLetterListing {
  readonly items: readonly ServiceDeadLetter[];
  readonly unreachable: readonly UnreachableService[];
}

/** Dead letters live in each service's database; this is the one view over all of them. */
@Injectable()
export class DeadLetterSources {
  constructor(
    private readonly internal: InternalApiClient,
    private readonly consumers: ConsumerHost,
  ) {}

  async list(filter: DeadLetterFilter, call: OperatorCall): Promise<DeadLetterListing> {
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    const [remote, local] = await Promise.all([
      this.internal.fanOut(
        { ...call, method: 'GET', path: `/dead-letters${query ? `?${query}` : ''}` },
        deadLetterListSchema,
      ),
      this.consumers.adminOf(SAGA_MONITOR).list(filter),
    ]);
    return {
      items: [
        ...remote.answers.flatMap(({ service, body }) =>
          body.items.map((item) => ({ ...item, service })),
        ),
        ...local.map((item) => ({ ...item, service: 'gateway' as const })),
      ],
      unreachable: remote.unreachable,
    };
  }

  /**
   * Sagas some service could not apply a message of (failed, or queued behind a failure).
   * The monitor's own dead letters are left out: they say the monitor lags, not the saga.
   */
  async sagasWithOpenDeadLetters(
    call: OperatorCall,
  ): Promise<{ sagaIds: ReadonlySet<string>; unreachable: readonly UnreachableService[] }> {
    const listings = await Promise.all(
      (['failed', 'waiting'] as const).map((status) => this.list({ status }, call)),
    );
    const sagaIds = new Set(
      listings.flatMap((listing) =>
        listing.items.flatMap((item) =>
          item.service !== 'gateway' && item.sagaId ? [item.sagaId] : [],
        ),
      ),
    );
    const unreachable = new Map(
      listings.flatMap((listing) => listing.unreachable).map((entry) => [entry.service, entry]),
    );
    return { sagaIds, unreachable: [...unreachable.values()] };
  }
}
