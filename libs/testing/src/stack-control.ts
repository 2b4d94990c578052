import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/** Runs one of the stack's own scripts, as a developer would, and returns its output. */
export async function stackCommand(
  script: 'scripts/stack.sh' | 'infra/local/infra.sh' | 'infra/local/elk.sh',
  args: readonly string[],
  timeoutMs = 180_000,
): Promise<string> {
  const { stdout, stderr } = await run('bash', [resolve(ROOT, script), ...args], {
    cwd: ROOT,
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return `${stdout}${stderr}`;
}

/** Processes that belong to the local stack: our services and infrastructure. */
export async function stackProcesses(): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,args=']);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) =>
      /dist\/apps\/\w+\/src\/main\.js|kafka\.Kafka |ConnectDistributed|postgres -D .*\.stack|\/jaeger --config/.test(
        line,
      ),
    )
    .sort();
}
