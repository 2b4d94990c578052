import { adminRoute, Endpoint } from '@blog/chassis';
import { Controller, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { sagaPage } from '../../admin/admin-views';
import { ListSagasQuery } from './list-sagas.query';
import { listSagasRequest } from './list-sagas.request';

export const listSagas = adminRoute({
  method: 'GET',
  path: '/admin/sagas',
  operationId: 'listSagas',
  summary: 'Sagas, newest first',
  description:
    '`stuck` and `failed` are computed now: silent past the threshold, or with an open dead letter on some service.',
  tag: 'admin',
  access: 'admin',
  query: listSagasRequest,
  answers: { 200: { description: 'One page of sagas', body: sagaPage } },
});

@Controller()
@UseInterceptors(AdminAuditInterceptor)
export class ListSagasHttpController {
  constructor(private readonly query: ListSagasQuery) {}

  @Endpoint(listSagas)
  list(@Req() request: FastifyRequest) {
    return this.query.run(listSagas.parse(request).query, operatorCallOf(request));
  }
}
