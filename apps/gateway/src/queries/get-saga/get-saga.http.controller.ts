import { adminRoute, Endpoint, sagaIdParams } from '@blog/chassis';
import { Controller, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { sagaDetail } from '../../admin/admin-views';
import { GetSagaQuery } from './get-saga.query';

export const getSaga = adminRoute({
  method: 'GET',
  path: '/admin/sagas/:sagaId',
  operationId: 'getSaga',
  summary: 'A saga: its timeline and dead letters',
  tag: 'admin',
  access: 'admin',
  params: sagaIdParams,
  answers: { 200: { description: 'The saga', body: sagaDetail } },
  refusals: [
    { status: 404, code: 'ADMIN.SAGA_NOT_FOUND', when: 'the monitor has seen no such saga' },
  ],
});

@Controller()
@UseInterceptors(AdminAuditInterceptor)
export class GetSagaHttpController {
  constructor(private readonly query: GetSagaQuery) {}

  @Endpoint(getSaga)
  get(@Req() request: FastifyRequest) {
    return this.query.run(getSaga.parse(request).params.sagaId, operatorCallOf(request));
  }
}
