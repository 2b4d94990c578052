/**
 * Runs a CommonJS bundle (bundle.config.mjs) the way `node <bundle>` would, but from a V8
 * code cache when one matches.
 *
 * Why: loading ~2,000 modules is most of a service's start. One bundle saves the module
 * resolution; the code cache saves compiling what start-up runs. The cache is made some
 * seconds after start, not right after compiling, because V8 compiles functions lazily: a
 * cache made before running holds little beyond the top level (measured in
 * bench/RESULTS.md). Imports only Node built-ins, so it adds nothing to the start.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/** Long enough for start-up (modules, Nest's container, first requests) to have run. */
const CACHE_AFTER_MS = 15_000;

export interface BundleRun {
  /** Whether V8 took the code cache: false on a first start, after a rebuild or a Node upgrade. */
  readonly fromCache: boolean;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * V8 checks a cache against the source's length, not its content, so the cache file is
 * named by a hash of the bundle: a rebuilt bundle can never run an old bundle's code.
 */
function cacheFileOf(bundle: string, source: string): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${bundle}.${digest}.v8cache`;
}

function saveLater(script: Script, bundle: string, cacheFile: string, afterMs: number): void {
  setTimeout(() => {
    try {
      // Renamed into place: another instance starting meanwhile reads all of it or nothing.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
      removeStaleCaches(bundle, cacheFile);
    } catch {
      // A read-only dist (a locked-down container) only loses the speed-up.
    }
  }, afterMs).unref();
}

/** Caches of the bundle's earlier builds: rebuilds would otherwise pile them up. */
function removeStaleCaches(bundle: string, current: string): void {
  const prefix = `${basename(bundle)}.`;
  for (const name of readdirSync(dirname(bundle))) {
    const file = join(dirname(bundle), name);
    if (name.startsWith(prefix) && name.endsWith('.v8cache') && file !== current) {
      rmSync(file, { force: true });
    }
  }
}

export function runBundle(bundle: string, cacheAfterMs = CACHE_AFTER_MS): BundleRun {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileOf(bundle, source);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // import() as in a file Node loaded itself. Node calls this experimental and warns the
    // first time one runs; the bundles turn literal ones into require() to stay quiet.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  if (!fromCache) saveLater(script, bundle, cacheFile, cacheAfterMs);
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  const module = new Module(bundle);
  module.filename = bundle;
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
  );
  return { fromCache };
}
