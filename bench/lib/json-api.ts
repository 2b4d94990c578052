export interface JsonResponse<Body> {
  readonly status: number;
  readonly body: Body;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * @blog/testing's api() always goes to the stack's gateway on :3000, whose 600-a-minute
 * budget every local client shares. Benchmarks talk to their own gateway (or straight to
 * a service), so they need the base URL as a parameter.
 */
export class JsonApi {
  constructor(readonly baseUrl: string) {}

  async call<Body = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<JsonResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Body };
  }
}
