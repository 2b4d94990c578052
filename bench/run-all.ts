/**
 * Every benchmark of issue 6 in sequence, each appended to bench/RESULTS.md as it finishes
 * (date, commit, command, machine load, its tables). bench/run-all.sh builds first:
 *
 *   bash bench/run-all.sh [--quick] [--only throughput,gateway] [--throughput-seconds 60]
 *     [--throughput-events-per-transaction 10] [--no-record]
 *
 * --quick cuts every duration to a few seconds (a check that each runs, not figures to
 * compare). --throughput-seconds sets the sustained phase (default 600). Exits non-zero if
 * any benchmark could not run; the others still run and are recorded.
 */
import { spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHMARKS, type Benchmark } from './run-all/benchmarks';
import { machineState, revision } from './run-all/machine-state';
import { resultEntry } from './run-all/result-entry';

// dist/bench/run-all.js → the repository root.
const ROOT = resolve(__dirname, '../..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'throughput-seconds': { type: 'string' },
    'throughput-events-per-transaction': { type: 'string' },
    'no-record': { type: 'boolean', default: false },
    results: { type: 'string', default: resolve(ROOT, 'bench/RESULTS.md') },
  },
});

function argsOf(benchmark: Benchmark): string[] {
  const args = values.quick ? [...benchmark.quick] : [];
  if (benchmark.key === 'throughput' && values['throughput-seconds']) {
    args.push('--seconds', values['throughput-seconds']);
  }
  if (benchmark.key === 'throughput' && values['throughput-events-per-transaction']) {
    args.push('--events-per-transaction', values['throughput-events-per-transaction']);
  }
  return args;
}

/** Runs one benchmark, passing its output through, and keeps stdout and stderr's tail. */
function runOne(script: string, args: readonly string[]) {
  return new Promise<{ code: number; stdout: string; stderrTail: string }>((done) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000);
      process.stderr.write(chunk);
    });
    child.on('close', (code) =>
      done({ code: code ?? 1, stdout, stderrTail: stderr.split('\n').slice(-12).join('\n') }),
    );
  });
}

async function main(): Promise<void> {
  const only = values.only?.split(',');
  const chosen = BENCHMARKS.filter((benchmark) => !only || only.includes(benchmark.key));
  if (chosen.length === 0)
    throw new Error(`--only matched none of ${BENCHMARKS.map((b) => b.key).join(', ')}`);
  const commit = await revision();
  let failures = 0;
  for (const benchmark of chosen) {
    const args = argsOf(benchmark);
    const command = ['node', benchmark.script, ...args].join(' ');
    process.stderr.write(`\n=== ${benchmark.title}: ${command}\n`);
    const before = await machineState();
    const started = Date.now();
    const outcome = await runOne(resolve(ROOT, benchmark.script), args);
    if (outcome.code !== 0) failures += 1;
    if (values['no-record']) continue;
    const invocation = ['bash bench/run-all.sh', ...process.argv.slice(2)].join(' ');
    await appendFile(
      values.results,
      resultEntry({
        benchmark,
        command,
        invocation,
        commit,
        machine: before,
        seconds: (Date.now() - started) / 1_000,
        quick: values.quick,
        ...outcome,
      }),
    );
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `run-all could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
