import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Linux /proc readings for the footprint and CPU figures; nothing here writes anything. */

const PIDS = resolve(__dirname, '../../../.stack/pids');
/** USER_HZ: the unit of /proc/<pid>/stat times; 100 on every Linux this stack runs on. */
const TICKS_PER_SECOND = 100;

export type StackPiece =
  | 'gateway'
  | 'auth'
  | 'user'
  | 'blog'
  | 'post'
  | 'visitor'
  | 'subscribe'
  | 'kafka'
  | 'connect'
  | 'postgres'
  | 'jaeger';

/** The pid scripts/stack.sh recorded, re-read each time: a crash spec may have restarted it. */
export async function stackPid(piece: StackPiece): Promise<number | null> {
  const text = await readFile(resolve(PIDS, `${piece}.pid`), 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && (await isAlive(pid)) ? pid : null;
}

export async function isAlive(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(
    () => true,
    () => false,
  );
}

async function statusField(pid: number, field: string): Promise<number> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) * 1024;
}

/** Resident set: what `ps` shows; shared pages count in every process that maps them. */
export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');

/** Proportional set: shared pages divided among their users, so a process tree adds up. */
export async function pssBytes(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kb = /^Pss:\s+(\d+) kB/m.exec(text)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) * 1024;
}

interface StatFields {
  readonly ppid: number;
  /** utime + stime of the process itself, seconds. */
  readonly cpuSeconds: number;
  /** cutime + cstime: children it has waited for (Postgres backends that exited). */
  readonly reapedChildrenSeconds: number;
}

async function stat(pid: number): Promise<StatFields | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // The command name is in parentheses and may hold spaces: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return {
    ppid: field(4),
    cpuSeconds: (field(14) + field(15)) / TICKS_PER_SECOND,
    reapedChildrenSeconds: (field(16) + field(17)) / TICKS_PER_SECOND,
  };
}

/** Direct children of `pid` (Postgres backends and auxiliary processes under the postmaster). */
export async function childrenOf(pid: number): Promise<number[]> {
  const entries = await readdir('/proc');
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await stat(Number(entry));
    if (fields?.ppid === pid) children.push(Number(entry));
  }
  return children;
}

interface TreeSnapshot {
  readonly own: number;
  readonly reaped: number;
  readonly children: ReadonlyMap<number, number>;
}

async function treeSnapshot(pid: number): Promise<TreeSnapshot | null> {
  const children = new Map<number, number>();
  for (const child of await childrenOf(pid)) {
    const fields = await stat(child);
    if (fields) children.set(child, fields.cpuSeconds);
  }
  // The parent last: a child that exits during the scan is then in its reaped total.
  const root = await stat(pid);
  if (!root) return null;
  return { own: root.cpuSeconds, reaped: root.reapedChildrenSeconds, children };
}

/**
 * A cumulative CPU counter for a process tree (the postmaster and its backends). Backends
 * come and go: one that exits adds its whole life to the parent's reaped total, so the
 * counter takes, between two readings, what living children used, what new ones used, and
 * the reaped total's growth minus what the exited ones had already used at the last reading.
 */
export function treeCpuCounter(pid: number): () => Promise<number> {
  let last: TreeSnapshot | null = null;
  let total = 0;
  return async () => {
    const now = await treeSnapshot(pid);
    if (!now) return Number.NaN;
    if (last) {
      let used = now.own - last.own + (now.reaped - last.reaped);
      for (const [child, cpu] of now.children) used += cpu - (last.children.get(child) ?? 0);
      for (const [child, cpu] of last.children) if (!now.children.has(child)) used -= cpu;
      total += used;
    }
    last = now;
    return total;
  };
}

export async function cpuSeconds(pid: number): Promise<number> {
  return (await stat(pid))?.cpuSeconds ?? Number.NaN;
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export async function machineCpuSeconds(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}
