import { adminRoute, type Caller, CurrentCaller, Endpoint, sagaIdParams } from '@blog/chassis';
import { Controller, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { replayReport } from '../../admin/admin-views';
import { ReplaySagaService } from './replay-saga.service';

export const replaySaga = adminRoute({
  method: 'POST',
  path: '/admin/sagas/:sagaId/replay',
  operationId: 'replaySaga',
  summary: 'Replay a saga on every service',
  description:
    'Every service re-publishes the saga’s outbox messages with their ids and re-drives its dead letters; inboxes make it safe to repeat.',
  tag: 'admin',
  access: 'admin',
  params: sagaIdParams,
  answers: { 200: { description: 'What each service did', body: replayReport } },
});

@Controller()
@UseInterceptors(AdminAuditInterceptor)
export class ReplaySagaHttpController {
  constructor(private readonly service: ReplaySagaService) {}

  @Endpoint(replaySaga)
  replay(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller) {
    const { sagaId } = replaySaga.parse(request).params;
    return this.service.replay(sagaId, caller, operatorCallOf(request));
  }
}
