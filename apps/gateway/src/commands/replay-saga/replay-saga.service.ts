import type { Caller } from '@blog/chassis';
import { Injectable, Logger } from '@nestjs/common';
import { ConsumerHost } from '@blog/chassis';
import { SAGA_MONITOR } from '../../consumers/saga-monitor.consumer';
import type { OperatorCall } from '../../infrastructure/dead-letter-sources';
import { InternalApiClient } from '../../infrastructure/internal-api.client';
import { replayResultSchema } from '../../infrastructure/internal-api.schemas';
import { type ParkedKey, type ServiceOutcome, unreachableOutcome } from '../service-outcome';

interface Replayed {
  readonly republished: number;
  readonly redriven: number;
  readonly stillParked: readonly ParkedKey[];
}

export interface ReplayReport {
  readonly sagaId: string;
  readonly republished: number;
  readonly redriven: number;
  readonly services: readonly ServiceOutcome<Replayed>[];
}

/**
 * Asks every service to re-publish the saga's messages and re-drive its dead letters,
 * and re-drives the monitor's own. Inboxes make it safe to repeat; a service that is down
 * is reported and can be replayed again later.
 */
@Injectable()
export class ReplaySagaService {
  private readonly logger = new Logger('admin');

  constructor(
    private readonly internal: InternalApiClient,
    private readonly consumers: ConsumerHost,
  ) {}

  async replay(sagaId: string, caller: Caller, call: OperatorCall): Promise<ReplayReport> {
    const [remote, local] = await Promise.all([
      this.internal.fanOut(
        { ...call, method: 'POST', path: `/sagas/${encodeURIComponent(sagaId)}/replay` },
        replayResultSchema,
      ),
      this.consumers.adminOf(SAGA_MONITOR).redriveSaga(sagaId),
    ]);
    const services: ServiceOutcome<Replayed>[] = [
      ...remote.answers.map(({ service, body }) => ({
        service,
        ok: true as const,
        republished: body.republished,
        redriven: body.redriven,
        stillParked: body.stillParked,
      })),
      {
        service: 'gateway',
        ok: true,
        republished: 0,
        redriven: local.resolved,
        stillParked: local.stillParked,
      },
      ...remote.unreachable.map(unreachableOutcome),
    ];
    const done = services.flatMap((outcome) => (outcome.ok ? [outcome] : []));
    const report: ReplayReport = {
      sagaId,
      republished: done.reduce((sum, outcome) => sum + outcome.republished, 0),
      redriven: done.reduce((sum, outcome) => sum + outcome.redriven, 0),
      services,
    };
    this.logger.log({
      message: 'saga replayed',
      actor: caller.accountId,
      sagaId,
      republished: report.republished,
      redriven: report.redriven,
      unreachable: remote.unreachable.map((entry) => entry.service),
    });
    return report;
  }
}
