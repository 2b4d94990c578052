import { connect, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { OVERSIZE_DRAIN_LIMIT_BYTES, registerOversizeBodyDrain } from './oversize-body.hook';

const LIMIT = 1_024;
const CHUNK = Buffer.alloc(64 * 1_024, 'x');

// A raw socket that writes its body slowly, after the 413 is already on its way: with
// Fastify's default the server closes the socket and the later writes fail.
async function postSlowly(url: URL, declaredBytes: number, sentBytes: number) {
  const socket = connect(Number(url.port), url.hostname);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  let writeError: Error | undefined;
  socket.on('error', (error) => (writeError ??= error));
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  socket.write(
    `POST /limited HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${declaredBytes}\r\n\r\n`,
  );
  for (let sent = 0; sent < sentBytes && writeError === undefined; sent += CHUNK.length) {
    writeError ??= await write(socket, CHUNK.subarray(0, Math.min(CHUNK.length, sentBytes - sent)));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { socket, received, closed, writeError: () => writeError };
}

/** Resolves with the write's error (EPIPE once the server has closed), if any. */
const write = (socket: Socket, chunk: Buffer) =>
  new Promise<Error | undefined>((resolve) =>
    socket.write(chunk, (error) => resolve(error ?? undefined)),
  );

describe('gateway oversize bodies', () => {
  let app: FastifyInstance;
  let url: URL;

  beforeAll(async () => {
    app = Fastify();
    registerOversizeBodyDrain(app);
    app.post('/limited', { bodyLimit: LIMIT }, async () => ({ ok: true }));
    url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(() => app.close());

  it('lets a client finish writing a body over the limit, answers 413, and keeps the connection', async () => {
    const bytes = 2 * 1_048_576;
    const client = await postSlowly(url, bytes, bytes);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(client.writeError()).toBeUndefined();
    const response = Buffer.concat(client.received).toString();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).not.toMatch(/connection: close/i);

    client.received.length = 0;
    client.socket.write(
      'POST /limited HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Buffer.concat(client.received).toString()).toMatch(/^HTTP\/1\.1 200 /);
    client.socket.destroy();
  });

  it('still closes at once when the declared body is past what it will drain', async () => {
    const client = await postSlowly(url, OVERSIZE_DRAIN_LIMIT_BYTES + 1, 0);
    await client.closed;
    expect(Buffer.concat(client.received).toString()).toMatch(
      /^HTTP\/1\.1 413 [\s\S]*connection: close/i,
    );
  });
});
