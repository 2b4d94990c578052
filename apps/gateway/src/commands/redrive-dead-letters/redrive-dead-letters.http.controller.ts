import { adminRoute, type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import { Controller, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { redriveReport } from '../../admin/admin-views';
import { RedriveDeadLettersService } from './redrive-dead-letters.service';

export const redriveDeadLetters = adminRoute({
  method: 'POST',
  path: '/admin/dead-letters/redrive',
  operationId: 'redriveDeadLetters',
  summary: 'Re-drive every open dead letter on every service',
  tag: 'admin',
  access: 'admin',
  answers: { 200: { description: 'What each service did', body: redriveReport } },
});

@Controller()
@UseInterceptors(AdminAuditInterceptor)
export class RedriveDeadLettersHttpController {
  constructor(private readonly service: RedriveDeadLettersService) {}

  @Endpoint(redriveDeadLetters)
  redrive(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return this.service.redriveAll(caller, operatorCallOf(request));
  }
}
