/**
 * Preload (`node -r dist/bench/footprint/require-timer.js`): times each package the first
 * time something outside node_modules (an app, a library of ours) requires it, including
 * everything that package pulls in that was not loaded yet, and writes the totals as JSON
 * to stdout at exit. Loads nested inside a timed one count towards it only, so the figures
 * add up to the import time they explain.
 */
import Module from 'node:module';

interface Loader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const loader = Module as unknown as Loader;
const load = loader._load.bind(Module);
const totals = new Map<string, number>();
let depth = 0;

/** `@nestjs/core/router` → `@nestjs/core`, `pg` → `pg`; null for relative and built-in requests. */
function packageOf(request: string): string | null {
  if (request.startsWith('.') || request.startsWith('/') || Module.isBuiltin(request)) return null;
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

loader._load = (request, parent, isMain) => {
  const name = depth === 0 ? packageOf(request) : null;
  if (name === null) return load(request, parent, isMain);
  depth += 1;
  const started = performance.now();
  try {
    return load(request, parent, isMain);
  } finally {
    depth -= 1;
    totals.set(name, (totals.get(name) ?? 0) + performance.now() - started);
  }
};

process.on('exit', () => {
  process.stdout.write(`\n${JSON.stringify(Object.fromEntries(totals))}\n`);
});
