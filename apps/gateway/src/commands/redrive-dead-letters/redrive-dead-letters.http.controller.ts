import { type Caller, CurrentCaller, Roles } from '@blog/chassis';
import { Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { RedriveDeadLettersService } from './redrive-dead-letters.service';

@Controller('admin/dead-letters')
@Roles('admin')
@UseInterceptors(AdminAuditInterceptor)
export class RedriveDeadLettersHttpController {
  constructor(private readonly service: RedriveDeadLettersService) {}

  @Post('redrive')
  @HttpCode(200)
  redrive(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return this.service.redriveAll(caller, operatorCallOf(request));
  }
}
