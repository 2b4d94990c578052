import { parseArgs } from 'node:util';

/** The command line both profile readers take: one profile file and `--top N`. */
export function profileFileArgs(usage: string, defaultTop: number): { file: string; top: number } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: String(defaultTop) } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(1);
  }
  return { file, top: Number(values.top) };
}
