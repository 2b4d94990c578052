import { Injectable } from '@nestjs/common';
import { ConsumerHost, encodeSeqCursor } from '@blog/chassis';
import type { DeadLetterFilter } from '@blog/consumer';
import { z } from 'zod';
import { SAGA_MONITOR } from '../consumers/saga-monitor.consumer';
import { UPSTREAM_NAMES, type UpstreamName } from '../routing/upstream-names';
import {
  type InternalCall,
  InternalApiClient,
  type UnreachableService,
} from './internal-api.client';
import { type DeadLetterView, deadLetterPageSchema } from './internal-api.schemas';

export type OperatorCall = Omit<InternalCall, 'method' | 'path'>;
export type { DeadLetterFilter };

type Source = UpstreamName | 'gateway';
const SOURCES: readonly Source[] = [...UPSTREAM_NAMES, 'gateway'];

/** A dead letter and the service holding it; `gateway` is the saga monitor's own. */
export interface ServiceDeadLetter extends DeadLetterView {
  readonly service: Source;
}

/**
 * Where a listing stands in each source: after the dead letter with this id, or `done`.
 * A source not named has not been read yet.
 */
type Positions = Partial<Record<Source, string>>;

/** The cursor of `/admin/dead-letters`: every source's position, opaque to clients. */
export const deadLetterCursor = z
  .string()
  .max(400)
  .transform((text, context): Positions => {
    const positions = z
      .partialRecord(z.enum(SOURCES), z.union([z.string().regex(/^\d{1,18}$/), z.literal('done')]))
      .safeParse(jsonOf(Buffer.from(text, 'base64url').toString('utf8')));
    if (positions.success) return positions.data;
    context.addIssue({ code: 'custom', message: 'not a cursor this API issued' });
    return z.NEVER;
  });

const jsonOf = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const encodePositions = (positions: Positions) =>
  Buffer.from(JSON.stringify(positions)).toString('base64url');

export interface DeadLetterListing {
  readonly items: readonly ServiceDeadLetter[];
  readonly nextCursor: string | null;
  readonly unreachable: readonly UnreachableService[];
}

interface SourcePage {
  readonly source: Source;
  readonly items: readonly DeadLetterView[];
  readonly more: boolean;
}

/**
 * Dead letters live in each service's database; this is the one view over all of them,
 * oldest first. A page merges each source's next page in time order, keeping each source's
 * own order, so the cursor is every source's keyset position: nothing is skipped or repeated.
 */
@Injectable()
export class DeadLetterSources {
  constructor(
    private readonly internal: InternalApiClient,
    private readonly consumers: ConsumerHost,
  ) {}

  async page(
    filter: DeadLetterFilter,
    page: { limit: number; cursor: Positions | undefined },
    call: OperatorCall,
  ): Promise<DeadLetterListing> {
    const from = page.cursor ?? {};
    const [remote, local] = await Promise.all([
      Promise.all(
        UPSTREAM_NAMES.filter((source) => from[source] !== 'done').map((source) =>
          this.remotePage(source, filter, page.limit, from[source], call),
        ),
      ),
      from.gateway === 'done' ? null : this.localPage(filter, page.limit, from.gateway),
    ]);
    const pages = [
      ...remote.flatMap((answer) => ('items' in answer ? [answer] : [])),
      ...(local ? [local] : []),
    ];
    const unreachable = remote.flatMap((answer) => ('items' in answer ? [] : [answer]));
    const { items, positions } = merge(pages, page.limit, from);
    // A service that did not answer is left out of the rest of this walk, and named.
    for (const { service } of unreachable) positions[service] = 'done';
    const finished = SOURCES.every((source) => positions[source] === 'done');
    return {
      items,
      nextCursor: finished ? null : encodePositions(positions),
      unreachable,
    };
  }

  /** Every page of a listing, for the views that need all of it (saga status, one saga). */
  async all(filter: DeadLetterFilter, call: OperatorCall) {
    const items: ServiceDeadLetter[] = [];
    const unreachable: UnreachableService[] = [];
    let cursor: Positions | undefined;
    for (;;) {
      const listing = await this.page(filter, { limit: 100, cursor }, call);
      items.push(...listing.items);
      unreachable.push(...listing.unreachable);
      if (listing.nextCursor === null) return { items, unreachable };
      cursor = deadLetterCursor.parse(listing.nextCursor);
    }
  }

  private async remotePage(
    source: UpstreamName,
    filter: DeadLetterFilter,
    limit: number,
    after: string | undefined,
    call: OperatorCall,
  ): Promise<SourcePage | UnreachableService> {
    const query = new URLSearchParams({
      ...filter,
      limit: String(limit),
      ...(after ? { cursor: encodeSeqCursor(after) } : {}),
    });
    const answer = await this.internal.one(
      source,
      { ...call, method: 'GET', path: `/dead-letters?${query}` },
      deadLetterPageSchema,
    );
    if (!('body' in answer)) return answer;
    return { source, items: answer.body.items, more: answer.body.nextCursor !== null };
  }

  private async localPage(
    filter: DeadLetterFilter,
    limit: number,
    after: string | undefined,
  ): Promise<SourcePage> {
    const items = await this.consumers
      .adminOf(SAGA_MONITOR)
      .list({ ...filter, limit: limit + 1, afterId: after ?? null });
    return { source: 'gateway', items: items.slice(0, limit), more: items.length > limit };
  }

  /**
   * Sagas some service could not apply a message of (failed, or queued behind a failure).
   * The monitor's own dead letters are left out: they say the monitor lags, not the saga.
   */
  async sagasWithOpenDeadLetters(
    call: OperatorCall,
  ): Promise<{ sagaIds: ReadonlySet<string>; unreachable: readonly UnreachableService[] }> {
    const listings = await Promise.all(
      (['failed', 'waiting'] as const).map((status) => this.all({ status }, call)),
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

/**
 * Takes up to `limit` items from the sources' pages, oldest head first, so each source
 * gives a prefix of its page; a source whose page was all taken and has no more is done.
 */
function merge(pages: readonly SourcePage[], limit: number, from: Positions) {
  const heads = pages.map((page) => ({ page, taken: 0 }));
  const items: ServiceDeadLetter[] = [];
  while (items.length < limit) {
    let next: (typeof heads)[number] | undefined;
    for (const head of heads) {
      const candidate = head.page.items[head.taken];
      const best = next?.page.items[next.taken];
      if (candidate && (!best || candidate.createdAt < best.createdAt)) next = head;
    }
    const item = next?.page.items[next.taken];
    if (!next || !item) break;
    items.push({ ...item, service: next.page.source });
    next.taken += 1;
  }
  const positions: Positions = { ...from };
  for (const { page, taken } of heads) {
    const last = page.items[taken - 1];
    if (last) positions[page.source] = last.id;
    if (taken === page.items.length && !page.more) positions[page.source] = 'done';
  }
  return { items, positions };
}
