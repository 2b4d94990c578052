import type { Caller } from '@blog/chassis';
import { Injectable, Logger } from '@nestjs/common';
import { ConsumerHost } from '@blog/chassis';
import { SAGA_MONITOR } from '../../consumers/saga-monitor.consumer';
import type { OperatorCall } from '../../infrastructure/dead-letter-sources';
import { InternalApiClient } from '../../infrastructure/internal-api.client';
import { redriveResultSchema } from '../../infrastructure/internal-api.schemas';
import { type ParkedKey, type ServiceOutcome, unreachableOutcome } from '../service-outcome';

interface Redriven {
  readonly resolved: number;
  readonly stillParked: readonly ParkedKey[];
}

export interface RedriveReport {
  readonly resolved: number;
  readonly services: readonly ServiceOutcome<Redriven>[];
}

/** Re-drives every open dead letter on every service and in the monitor; safe to repeat. */
@Injectable()
export class RedriveDeadLettersService {
  private readonly logger = new Logger('admin');

  constructor(
    private readonly internal: InternalApiClient,
    private readonly consumers: ConsumerHost,
  ) {}

  async redriveAll(caller: Caller, call: OperatorCall): Promise<RedriveReport> {
    const [remote, local] = await Promise.all([
      this.internal.fanOut(
        { ...call, method: 'POST', path: '/dead-letters/redrive' },
        redriveResultSchema,
      ),
      this.consumers.adminOf(SAGA_MONITOR).redriveAll(),
    ]);
    const services: ServiceOutcome<Redriven>[] = [
      ...remote.answers.map(({ service, body }) => ({ service, ok: true as const, ...body })),
      { service: 'gateway', ok: true, ...local },
      ...remote.unreachable.map(unreachableOutcome),
    ];
    const resolved = services.reduce(
      (sum, outcome) => sum + (outcome.ok ? outcome.resolved : 0),
      0,
    );
    this.logger.log({
      message: 'dead letters re-driven',
      actor: caller.accountId,
      resolved,
      unreachable: remote.unreachable.map((entry) => entry.service),
    });
    return { resolved, services };
  }
}
