import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { childrenOf, pssBytes, rssBytes, stackPid, type StackPiece } from '../lib/proc';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

export interface Memory {
  readonly piece: string;
  readonly pid: number | null;
  readonly rss: number;
  /** Proportional set size: shared pages split between the processes that share them. */
  readonly pss: number;
  /** Processes counted (Postgres: the postmaster and every backend). */
  readonly processes: number;
}

async function treeMemory(pid: number): Promise<{ rss: number; pss: number; processes: number }> {
  const pids = [pid, ...(await childrenOf(pid))];
  let rss = 0;
  let pss = 0;
  for (const each of pids) {
    rss += (await rssBytes(each)) || 0;
    pss += (await pssBytes(each)) || 0;
  }
  return { rss, pss, processes: pids.length };
}

/** One piece of the running stack, by its pid file; Postgres as the whole process tree. */
export async function memoryOf(piece: StackPiece): Promise<Memory> {
  const pid = await stackPid(piece);
  if (pid === null) return { piece, pid, rss: Number.NaN, pss: Number.NaN, processes: 0 };
  if (piece === 'postgres') return { piece, pid, ...(await treeMemory(pid)) };
  return { piece, pid, rss: await rssBytes(pid), pss: await pssBytes(pid), processes: 1 };
}

/** Highest RSS of each pid seen while `during` runs, sampled every `everyMs`. */
export async function peakRss(
  pids: ReadonlyMap<string, number>,
  during: Promise<unknown>,
  everyMs = 250,
): Promise<Map<string, number>> {
  const peaks = new Map<string, number>([...pids.keys()].map((name) => [name, 0]));
  let done = false;
  void during.finally(() => {
    done = true;
  });
  while (!done) {
    for (const [name, pid] of pids) {
      const rss = await rssBytes(pid);
      if (rss > (peaks.get(name) ?? 0)) peaks.set(name, rss);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, everyMs));
  }
  await during;
  return peaks;
}

/** What the local build occupies on disk: dist/ and node_modules/ (du, apparent sizes). */
export async function localBuildBytes(): Promise<number> {
  const { stdout } = await run('du', ['-sb', '--', 'dist', 'node_modules'], { cwd: ROOT });
  return stdout
    .trim()
    .split('\n')
    .reduce((sum, line) => sum + Number(line.split('\t')[0]), 0);
}
