import { Inject, Injectable } from '@nestjs/common';
import { z, type ZodType } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { Upstreams } from '../proxy/upstreams';
import { UPSTREAM_NAMES, type UpstreamName } from '../routing/upstream-names';

export interface InternalCall {
  readonly method: 'GET' | 'POST';
  /** Below `/internal`, e.g. `/dead-letters?sagaId=s1`. */
  readonly path: string;
  /** The operator's own token: every service checks the admin role itself. */
  readonly authorization: string;
  readonly requestId?: string;
}

/** A service that did not give a usable answer; reported to the operator, never fatal. */
export interface UnreachableService {
  readonly service: UpstreamName;
  readonly status: number | null;
  readonly code: string;
  readonly message: string;
}

export interface FanOut<T> {
  readonly answers: readonly { service: UpstreamName; body: T }[];
  readonly unreachable: readonly UnreachableService[];
}

const errorBody = z.object({ code: z.string(), message: z.string() });

/** Calls the same operator route on every service, in parallel, each bounded by the timeout. */
@Injectable()
export class InternalApiClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly upstreams: Upstreams,
  ) {}

  async fanOut<T>(call: InternalCall, schema: ZodType<T>): Promise<FanOut<T>> {
    const results = await Promise.all(
      UPSTREAM_NAMES.map((service) => this.one(service, call, schema)),
    );
    return {
      answers: results.flatMap((result) => ('body' in result ? [result] : [])),
      unreachable: results.flatMap((result) => ('body' in result ? [] : [result])),
    };
  }

  /** One service's answer to an operator route, or why there is none. */
  async one<T>(
    service: UpstreamName,
    call: InternalCall,
    schema: ZodType<T>,
  ): Promise<{ service: UpstreamName; body: T } | UnreachableService> {
    let response: Response;
    try {
      // Any serving instance: they share the service's database.
      response = await fetch(`${this.upstreams.of(service).pick()}/internal${call.path}`, {
        method: call.method,
        headers: {
          authorization: call.authorization,
          ...(call.requestId ? { 'x-request-id': call.requestId } : {}),
        },
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return timedOut
        ? {
            service,
            status: null,
            code: 'UPSTREAM_TIMEOUT',
            message: `${service} did not answer in time`,
          }
        : {
            service,
            status: null,
            code: 'UPSTREAM_UNAVAILABLE',
            message: `${service} is unavailable`,
          };
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const refusal = errorBody.safeParse(json);
      return {
        service,
        status: response.status,
        code: refusal.success ? refusal.data.code : 'UPSTREAM_BAD_RESPONSE',
        message: refusal.success ? refusal.data.message : `${service} answered ${response.status}`,
      };
    }
    const body = schema.safeParse(json);
    if (body.success) return { service, body: body.data };
    return {
      service,
      status: response.status,
      code: 'UPSTREAM_BAD_RESPONSE',
      message: `${service} answered in an unexpected shape`,
    };
  }
}
