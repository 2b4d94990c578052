import { parseAdminInput, Roles } from '@blog/chassis';
import { Controller, Get, Query, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { ListSagasQuery } from './list-sagas.query';
import { listSagasRequest } from './list-sagas.request';

@Controller('admin/sagas')
@Roles('admin')
@UseInterceptors(AdminAuditInterceptor)
export class ListSagasHttpController {
  constructor(private readonly query: ListSagasQuery) {}

  @Get()
  list(@Query() query: unknown, @Req() request: FastifyRequest) {
    return this.query.run(
      parseAdminInput(listSagasRequest, query, 'query'),
      operatorCallOf(request),
    );
  }
}
