import type { Benchmark } from './benchmarks';
import type { MachineState } from './machine-state';

export interface EntryFacts {
  readonly benchmark: Benchmark;
  readonly command: string;
  readonly invocation: string;
  readonly commit: string;
  readonly machine: MachineState;
  readonly seconds: number;
  readonly quick: boolean;
  readonly code: number;
  readonly stdout: string;
  readonly stderrTail: string;
}

/** One RESULTS.md entry in the file's existing shape: heading, provenance line, tables. */
export function resultEntry(facts: EntryFacts): string {
  const date = new Date().toISOString().slice(0, 10);
  const { benchmark, machine } = facts;
  const pressure =
    machine.cpuPressure60 === null
      ? ''
      : `, CPU pressure ${machine.cpuPressure60.toFixed(0)} % (PSI avg60)`;
  const heading = `## ${date} — ${benchmark.title} (issue 6 #${benchmark.item})${facts.quick ? ' — quick run, not for comparison' : ''}`;
  const provenance =
    `Commit ${facts.commit}. Command (stack up): \`npm run -s build && ${facts.command}\` ` +
    `(by \`${facts.invocation}\`). Load average ${machine.load1.toFixed(1)} on ${machine.cores} cores${pressure} at the start; took ${Math.round(facts.seconds)} s.`;
  const body =
    facts.code === 0
      ? facts.stdout.trim()
      : `Could not run (exit ${facts.code}):\n\n\`\`\`\n${facts.stderrTail.trim()}\n\`\`\``;
  return `\n${heading}\n\n${provenance}\n\n${body}\n\nReading: to be written against the targets in bench/README.md.\n`;
}
