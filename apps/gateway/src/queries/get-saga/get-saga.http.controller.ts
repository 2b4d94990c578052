import { parseAdminInput, Roles, sagaIdSchema } from '@blog/chassis';
import { Controller, Get, Param, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { GetSagaQuery } from './get-saga.query';

@Controller('admin/sagas')
@Roles('admin')
@UseInterceptors(AdminAuditInterceptor)
export class GetSagaHttpController {
  constructor(private readonly query: GetSagaQuery) {}

  @Get(':sagaId')
  get(@Param('sagaId') sagaId: string, @Req() request: FastifyRequest) {
    return this.query.run(
      parseAdminInput(sagaIdSchema, sagaId, 'saga id'),
      operatorCallOf(request),
    );
  }
}
