import { parseAdminInput, Roles } from '@blog/chassis';
import { Controller, Get, Query, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { DeadLetterSources } from '../../infrastructure/dead-letter-sources';
import { listDeadLettersRequest } from './list-dead-letters.request';

/** Every service's dead letters (and the monitor's own), with the services that did not answer. */
@Controller('admin/dead-letters')
@Roles('admin')
@UseInterceptors(AdminAuditInterceptor)
export class ListDeadLettersHttpController {
  constructor(private readonly sources: DeadLetterSources) {}

  @Get()
  list(@Query() query: unknown, @Req() request: FastifyRequest) {
    const filter = parseAdminInput(listDeadLettersRequest, query, 'query');
    return this.sources.list(filter, operatorCallOf(request));
  }
}
