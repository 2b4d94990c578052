import { AccessTokenVerifier, SERVICE_CONFIG, type ServiceConfig } from '@blog/chassis';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { docsPlugin } from '../docs/docs.plugin';
import { OPENAPI_DOCUMENT } from '@blog/api';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { proxyPlugin } from '../proxy/proxy.plugin';
import { Upstreams } from '../proxy/upstreams';
import { registerLoadShedding } from './load-shedding.hook';
import { registerOversizeBodyDrain } from './oversize-body.hook';
import { registerRateLimits } from './rate-limit.hook';

/**
 * Puts the public edge on the Fastify instance under Nest (request ids, JSON bodies and
 * framework errors come with the chassis, as in every service): 413s the client
 * can read, load shedding and rate limits for every route (Nest's included), then the
 * docs and the proxy. The proxy is plain Fastify rather than Nest controllers: bodies
 * stream through unparsed, with no per-request DI or interceptor work on the hot path.
 *
 * At bootstrap, not module init: registering a plugin makes Fastify build the routes queued
 * so far, and Nest's own routes must be built after Nest has set its error handler, or an
 * error before their handler (a body refused by the parser) gets Fastify's default answer.
 */
@Injectable()
export class EdgeInstaller implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: AccessTokenVerifier,
    private readonly upstreams: Upstreams,
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    registerOversizeBodyDrain(fastify);
    registerLoadShedding(fastify, this.config.MAX_IN_FLIGHT);
    await registerRateLimits(fastify, this.config);
    await fastify.register(docsPlugin(OPENAPI_DOCUMENT));
    const { config, verifier, upstreams } = this;
    await fastify.register(proxyPlugin({ config, verifier, upstreams }));
  }
}
