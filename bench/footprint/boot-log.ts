/**
 * Milestones of a service's start, read from its own ECS log lines (timestamps from its
 * clock, the same machine's). Nest buffers its bootstrap logs until the app has a logger
 * (bufferLogs), so the first line appears when NestFactory.create has returned: modules
 * loaded, providers built, the database connected and migrations checked.
 */
export interface BootMilestones {
  /** Spawn → first log line: node, the preload, imports and NestFactory.create. */
  readonly createdMs: number;
  /** → "Nest application successfully started": init hooks (Kafka, consumer groups join). */
  readonly initialisedMs: number;
  /** → "service ready": listen() returned. */
  readonly listeningMs: number;
}

interface LogLine {
  readonly '@timestamp'?: string;
  readonly message?: string;
}

function parse(line: string): LogLine | null {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return null;
  }
}

export function bootMilestones(output: string, spawnedAtEpochMs: number): BootMilestones {
  const lines = output
    .split('\n')
    .map(parse)
    .filter((line): line is LogLine => line !== null && typeof line['@timestamp'] === 'string');
  const at = (match: (line: LogLine) => boolean) => {
    const found = lines.find(match)?.['@timestamp'];
    return found === undefined ? Number.NaN : Date.parse(found) - spawnedAtEpochMs;
  };
  return {
    createdMs: at(() => true),
    initialisedMs: at((line) => line.message === 'Nest application successfully started'),
    listeningMs: at((line) => line.message === 'service ready'),
  };
}
