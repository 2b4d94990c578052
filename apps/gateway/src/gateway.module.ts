import { Module } from '@nestjs/common';

/** The public edge: routing, JWT, rate limits and the saga monitor arrive with the services. */
@Module({})
export class GatewayModule {}
