import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Run {
  readonly status: number;
  /** stdout and stderr, in the order they were read. */
  readonly output: string;
}

/** Runs deploy/validate.sh with the given arguments; never throws on a non-zero exit. */
export function runValidate(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'bash',
      [resolve(ROOT, 'deploy/validate.sh'), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ status, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Installing the tools the first time builds Helm and fetches CRDs: minutes, once. */
export const TOOLS_TIMEOUT_MS = 30 * 60_000;

/** A whole validation renders and checks four sets of objects: ~20 s warm, more on a busy machine. */
export const RUN_TIMEOUT_MS = 5 * 60_000;
