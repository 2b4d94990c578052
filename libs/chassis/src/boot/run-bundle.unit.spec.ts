import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from './run-bundle';

// Real files and the real V8 cache; only the bundles are tiny stand-ins.

interface Run {
  readonly marker: string;
  readonly filename: string;
  readonly dep: number;
}
const runs = (): Run[] => (globalThis as { bundleRuns?: Run[] }).bundleRuns ?? [];

function bundleSource(marker: string): string {
  return `(globalThis.bundleRuns ??= []).push({ marker: '${marker}', filename: __filename, dep: require('./dep.js').value });\n`;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const cachesIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));

describe('runBundle', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-bundle-'));
    bundle = join(dir, 'main.js');
    writeFileSync(join(dir, 'dep.js'), 'module.exports = { value: 42 };\n');
    (globalThis as { bundleRuns?: Run[] }).bundleRuns = [];
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as Node would run the file: its __filename, requires beside it', () => {
    writeFileSync(bundle, bundleSource('A'));
    runBundle(bundle, 0);
    expect(runs()).toEqual([{ marker: 'A', filename: bundle, dep: 42 }]);
  });

  it('writes a code cache after start-up and runs from it next time', async () => {
    writeFileSync(bundle, bundleSource('A'));
    expect(runBundle(bundle, 0).fromCache).toBe(false);
    await settle();
    expect(cachesIn(dir)).toHaveLength(1);
    expect(runBundle(bundle, 0).fromCache).toBe(true);
    expect(runs().map((run) => run.marker)).toEqual(['A', 'A']);
  });

  it('never runs an earlier build from its cache, even one of the same length', async () => {
    writeFileSync(bundle, bundleSource('A'));
    runBundle(bundle, 0);
    await settle();
    const [first] = cachesIn(dir);
    writeFileSync(bundle, bundleSource('B'));
    expect(runBundle(bundle, 0).fromCache).toBe(false);
    expect(runs().map((run) => run.marker)).toEqual(['A', 'B']);
    await settle();
    expect(cachesIn(dir)).toHaveLength(1);
    expect(cachesIn(dir)).not.toContain(first);
  });
});
