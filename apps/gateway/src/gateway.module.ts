import { Module } from '@nestjs/common';
import { AdminAuditInterceptor } from './admin/admin-audit.interceptor';
import { RedriveDeadLettersHttpController } from './commands/redrive-dead-letters/redrive-dead-letters.http.controller';
import { RedriveDeadLettersService } from './commands/redrive-dead-letters/redrive-dead-letters.service';
import { ReplaySagaHttpController } from './commands/replay-saga/replay-saga.http.controller';
import { ReplaySagaService } from './commands/replay-saga/replay-saga.service';
import { SagaMonitorConsumer } from './consumers/saga-monitor.consumer';
import { EdgeInstaller } from './edge/edge.installer';
import { Upstreams } from './proxy/upstreams';
import { GatewayConfigModule } from './gateway-config.module';
import { DeadLetterSources } from './infrastructure/dead-letter-sources';
import { InternalApiClient } from './infrastructure/internal-api.client';
import { GetSagaHttpController } from './queries/get-saga/get-saga.http.controller';
import { GetSagaQuery } from './queries/get-saga/get-saga.query';
import { ListDeadLettersHttpController } from './queries/list-dead-letters/list-dead-letters.http.controller';
import { ListSagasHttpController } from './queries/list-sagas/list-sagas.http.controller';
import { ListSagasQuery } from './queries/list-sagas/list-sagas.query';

/** The public edge on Fastify: rate limits, docs, proxy with JWT check over the instances. */
const edge = [EdgeInstaller, Upstreams];

/** The saga monitor's projection of all outbox traffic: a handler of the inbox transport. */
const consumers = [SagaMonitorConsumer];

const queries = [ListSagasQuery, GetSagaQuery];
const commands = [ReplaySagaService, RedriveDeadLettersService];
const infrastructure = [InternalApiClient, DeadLetterSources, AdminAuditInterceptor];

const controllers = [
  ...consumers,
  ListSagasHttpController,
  GetSagaHttpController,
  ReplaySagaHttpController,
  ListDeadLettersHttpController,
  RedriveDeadLettersHttpController,
];

/** The public edge, the saga monitor and the operator routes over it. */
@Module({
  imports: [GatewayConfigModule],
  controllers,
  providers: [...edge, ...queries, ...commands, ...infrastructure],
})
export class GatewayModule {}
