// Three tiers by file suffix (STYLE.md): unit specs are pure; int and e2e specs use the
// real local stack, which scripts/test.sh starts once per run. Vitest rather than Jest:
// NestJS 12 ships ES modules only, which Jest's CommonJS runtime cannot load on Node 20.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const libs = readdirSync(resolve(root, 'libs'));

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
    alias: Object.fromEntries(
      libs.map((lib) => [`@blog/${lib}`, resolve(root, `libs/${lib}/src/index.ts`)]),
    ),
  },
  test: {
    globals: true,
    // One spec file at a time: specs share one Kafka/Connect, and some restart pieces of it.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    exclude: ['**/node_modules/**', 'dist/**', '.stack/**'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{apps,libs,bench}/**/*.unit.spec.ts'], testTimeout: 5_000 },
      },
      { extends: true, test: { name: 'int', include: ['{apps,libs,test}/**/*.int.spec.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['{apps,test}/**/*.e2e.spec.ts'] } },
    ],
  },
});
