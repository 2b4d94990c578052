// Tiers by file suffix (STYLE.md): unit specs are pure; deploy specs need downloaded tools but no
// stack; int, e2e, reliability and container specs use the real local stack, which
// scripts/test.sh starts once per run. Vitest rather than Jest:
// NestJS 12 ships ES modules only, which Jest's CommonJS runtime cannot load.
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const root = import.meta.dirname;

/**
 * Vitest's own order, with the container tier moved to the end: while it runs, the
 * stack's services are containers built from the working tree, and every other spec should
 * have met the stack's own processes. (groupOrder cannot do this: with fileParallelism
 * off, projects left at group 0 run after every numbered group.)
 */
class ContainerTierLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => file.project.name === 'container';
    return [...sorted.filter((file) => !last(file)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  plugins: [
    // SWC instead of esbuild: Nest's dependency injection needs emitted decorator metadata.
    swc.vite({
      swcrc: false,
      module: { type: 'es6' },
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        target: 'es2022',
        keepClassNames: true,
      },
    }),
  ],
  resolve: {
    // `@blog/<lib>` is a library's public entry; `@blog/<lib>/<path>` a deliberate deep import
    // (e.g. tracing, which must load before anything it instruments).
    alias: [
      { find: /^@blog\/([a-z-]+)$/, replacement: `${resolve(root, 'libs')}/$1/src/index.ts` },
      { find: /^@blog\/([a-z-]+)\/(.+)$/, replacement: `${resolve(root, 'libs')}/$1/src/$2` },
    ],
  },
  test: {
    globals: true,
    // One spec file at a time: specs share one Kafka/Connect, and some restart pieces of it.
    fileParallelism: false,
    sequence: { sequencer: ContainerTierLast },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    exclude: ['**/node_modules/**', 'dist/**', '.stack/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // test/ holds unit specs of repo files that are not code (e.g. Kibana's saved objects).
          include: ['{apps,libs,bench,test}/**/*.unit.spec.ts'],
          testTimeout: 5_000,
        },
      },
      { extends: true, test: { name: 'int', include: ['{apps,libs,test}/**/*.int.spec.ts'] } },
      // Consumer-driven message contracts (Pact V4, its native core from the npm package; no
      // stack, no broker): consumers' pacts against the committed ones, then every producer
      // verified against them. PACT_DO_NOT_TRACK: Pact's core reports usage otherwise.
      {
        extends: true,
        test: {
          name: 'pact',
          include: ['{apps,test}/**/*.pact.spec.ts'],
          env: { PACT_DO_NOT_TRACK: 'true' },
        },
      },
      // The Helm chart, checked with no cluster and no stack: deploy/validate.sh builds and
      // fetches its pinned tools on first use (minutes, once; cached in .stack/cache).
      { extends: true, test: { name: 'deploy', include: ['test/deploy/**/*.deploy.spec.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['{apps,test}/**/*.e2e.spec.ts'] } },
      // Crashes, outages, duplicate storms, hostile input and overload on the real stack;
      // each spec puts back what it broke before it ends.
      {
        extends: true,
        test: { name: 'reliability', include: ['test/reliability/**/*.reliability.spec.ts'] },
      },
      // The Dockerfile's image built here and run as the seven services in place of the
      // stack's own; they are back when the spec ends.
      {
        extends: true,
        test: { name: 'container', include: ['test/container/**/*.container.spec.ts'] },
      },
    ],
  },
});
