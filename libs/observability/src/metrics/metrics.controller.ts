import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ServiceMetrics } from './service-metrics';

/** Prometheus scrapes `GET /metrics`; the content type names the exposition format version. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.metrics.scrape();
    reply.header('content-type', this.metrics.contentType);
    return body;
  }
}
