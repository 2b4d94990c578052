import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ServiceName } from '@blog/chassis';
import { stackCommand } from '@blog/testing';

const PIDS = resolve(__dirname, '../../../.stack/pids');

/** A piece of the stack; `<service>-<k>` is the k-th instance of a scaled-out service. */
export type Piece = 'kafka' | 'connect' | ServiceName | `${ServiceName}-${number}`;

/** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no flush, no goodbye. */
export async function killNine(piece: Piece): Promise<void> {
  const pid = Number((await readFile(resolve(PIDS, `${piece}.pid`), 'utf8')).trim());
  process.kill(pid, 'SIGKILL');
  // The next start must not see the old process still holding its port.
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${piece} (pid ${pid}) survived SIGKILL`);
}

/** What an operator's supervisor does after a crash: start it again, nothing more. */
export async function restart(piece: Piece): Promise<void> {
  if (piece === 'kafka' || piece === 'connect') {
    await stackCommand('infra/local/infra.sh', ['up']);
    await stackCommand('infra/local/infra.sh', ['wait-connectors']);
  } else {
    await stackCommand('scripts/stack.sh', ['start', piece]);
  }
}
