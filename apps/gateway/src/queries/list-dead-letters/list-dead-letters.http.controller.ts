import { adminRoute, Endpoint } from '@blog/chassis';
import { Controller, Req, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AdminAuditInterceptor } from '../../admin/admin-audit.interceptor';
import { operatorCallOf } from '../../admin/admin-input';
import { deadLetterListing } from '../../admin/admin-views';
import { DeadLetterSources } from '../../infrastructure/dead-letter-sources';
import { listDeadLettersRequest } from './list-dead-letters.request';

export const listDeadLetters = adminRoute({
  method: 'GET',
  path: '/admin/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'Dead letters of every service, oldest first',
  description:
    'Every service’s dead letters and the saga monitor’s own (`service: gateway`), merged in time order. A service that does not answer is named in `unreachable` and left out of the rest of that walk: list again to read its dead letters.',
  tag: 'admin',
  access: 'admin',
  query: listDeadLettersRequest,
  answers: { 200: { description: 'One page of dead letters', body: deadLetterListing } },
});

@Controller()
@UseInterceptors(AdminAuditInterceptor)
export class ListDeadLettersHttpController {
  constructor(private readonly sources: DeadLetterSources) {}

  @Endpoint(listDeadLetters)
  list(@Req() request: FastifyRequest) {
    const { limit, cursor, ...filter } = listDeadLetters.parse(request).query;
    return this.sources.page(filter, { limit, cursor }, operatorCallOf(request));
  }
}
