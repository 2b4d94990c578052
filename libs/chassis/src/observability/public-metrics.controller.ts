import { MetricsController } from '@blog/observability';
import { Controller } from '@nestjs/common';
import { Public } from '../auth/authenticated.guard';

/** /metrics for Prometheus: open like /health (no secrets in it); never published by the gateway. */
@Controller('metrics')
@Public()
export class PublicMetricsController extends MetricsController {}
