import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface CannedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** How the stand-in answers the next calls: canned, computed, never (hangs), or by a reset. */
export type Behaviour =
  | { readonly kind: 'answer'; readonly respond: (call: RecordedCall) => CannedResponse }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' };

export const answer = (respond: (call: RecordedCall) => CannedResponse): Behaviour => ({
  kind: 'answer',
  respond,
});
export const hang: Behaviour = { kind: 'hang' };
/** The connection is cut once the request is read: a crashed or restarting process. */
export const reset: Behaviour = { kind: 'reset' };

/** A real HTTP server on loopback standing in for one upstream service; it records calls. */
export class UpstreamStandIn {
  readonly calls: RecordedCall[] = [];
  /** Distinct TCP connections accepted: keep-alive reuse shows as fewer than calls. */
  connections = 0;
  behaviour: Behaviour = answer(() => ({ status: 200, body: { ok: true } }));
  private readonly hanging = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<UpstreamStandIn> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new UpstreamStandIn(server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      standIn.connections += 1;
      standIn.sockets.add(socket);
      socket.once('close', () => standIn.sockets.delete(socket));
    });
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call: RecordedCall = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        standIn.calls.push(call);
        standIn.serve(call, response);
      });
    });
    return standIn;
  }

  private serve(call: RecordedCall, response: ServerResponse): void {
    if (this.behaviour.kind === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (this.behaviour.kind === 'reset') {
      response.socket?.resetAndDestroy();
      return;
    }
    const canned = this.behaviour.respond(call);
    const text = canned.body === undefined ? '' : JSON.stringify(canned.body);
    response.writeHead(canned.status, {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...canned.headers,
    });
    response.end(text);
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((call) => call.url.split('?')[0] === path);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A loopback port with nothing listening: connections are refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
