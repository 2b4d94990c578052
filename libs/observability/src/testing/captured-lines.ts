import { PassThrough } from 'node:stream';

export type LogLine = Record<string, unknown>;

/**
 * A stream a logger writes to in tests, read back as parsed JSON lines. winston hands lines
 * to its transports asynchronously, hence the wait before reading.
 */
export function capturedLines(): {
  stream: PassThrough;
  lines: () => Promise<LogLine[]>;
} {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return {
    stream,
    lines: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LogLine);
    },
  };
}
