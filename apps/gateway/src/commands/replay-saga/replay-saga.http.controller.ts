import { type Caller, CurrentCaller, parseAdminInput, Roles, sagaIdSchema } from '@blog/chassis';
import { Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { ReplaySagaService } from './replay-saga.service';

@Controller('admin/sagas')
@Roles('admin')
@UseInterceptors(AdminAuditInterceptor)
export class ReplaySagaHttpController {
  constructor(private readonly service: ReplaySagaService) {}

  @Post(':sagaId/replay')
  @HttpCode(200)
  replay(
    @Param('sagaId') sagaId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ) {
    const id = parseAdminInput(sagaIdSchema, sagaId, 'saga id');
    return this.service.replay(id, caller, operatorCallOf(request));
  }
}
