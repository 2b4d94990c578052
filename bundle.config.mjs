// One CommonJS bundle per service, run by dist/bundle/boot.js (libs/chassis/src/boot):
// loading one file instead of ~2,000 modules is most of what makes a service start fast
// (bench/RESULTS.md, footprint). Bundles the swc output in dist/, whose decorator metadata
// Nest's injection needs, so `npm run build` compiles first.
import { createRequire } from 'node:module';
import { defineConfig } from 'rolldown';

const ROOT = import.meta.dirname;
// The chassis' list of the seven apps, from the swc output this bundles.
const { SERVICE_NAMES } = createRequire(import.meta.url)(
  `${ROOT}/dist/libs/chassis/src/config/service-names.js`,
);

// Left to Node's own require: pg, because tracing patches it when it is required (a bundled
// copy would never be); packages that read files beside their own code (argon2's native
// binary, the API docs' swagger UI assets); and the optional peers Nest and Fastify
// plugins load inside a try/catch only when an app uses them (none of ours does).
const external = [
  'pg',
  'pg-native',
  'argon2',
  /^@fastify\/swagger(-ui)?$/,
  /^@nestjs\/(microservices|websockets|platform-express)(\/.*)?$/,
  'class-transformer',
  'class-validator',
  /^@fastify\/(view|multipart|send)$/,
];

const VIRTUAL = '\0service-entry:';

/** Each service's entry: its main.ts starts the service only when it is Node's main module. */
const serviceEntries = {
  name: 'service-entries',
  resolveId: (id) => (id.startsWith(VIRTUAL) ? id : null),
  load(id) {
    if (!id.startsWith(VIRTUAL)) return null;
    const service = id.slice(VIRTUAL.length);
    return [
      `const { runService } = require(${JSON.stringify(`${ROOT}/dist/libs/chassis/src/index.js`)});`,
      `const { ${service}Service } = require(${JSON.stringify(`${ROOT}/dist/apps/${service}/src/main.js`)});`,
      `void runService(${service}Service);`,
    ].join('\n');
  },
};

/**
 * @nestjs/typeorm reads `Connection` and `AbstractRepository` through createRequire, which a
 * bundler cannot see: every service loaded a second, unbundled TypeORM from node_modules
 * (295 files, the largest strings left in its heap) beside the bundled one, only to find
 * that TypeORM 1 has neither. Read from the bundled copy instead: the same undefined.
 */
const typeormCompatFromBundle = {
  name: 'typeorm-compat-from-bundle',
  load: (id) =>
    id.endsWith('/@nestjs/typeorm/dist/common/typeorm-compat.js')
      ? [
          "import * as typeorm from 'typeorm';",
          'export const Connection = typeorm.Connection;',
          'export const AbstractRepository = typeorm.AbstractRepository;',
        ].join('\n')
      : null,
};

const common = {
  platform: 'node',
  external,
  // Rolldown rewrites import.meta.url for CommonJS; only terminus's import.meta.resolve
  // becomes undefined, in the package checks of indicators we do not use (the database
  // readiness pings our own pool for that reason). Unresolved imports are the externals.
  checks: { unresolvedImport: false, emptyImportMeta: false },
};

const bundle = (input, file, plugins = []) =>
  defineConfig({
    ...common,
    input,
    plugins,
    output: {
      file,
      format: 'cjs',
      codeSplitting: false,
      // import('http') and Nest's optional packages as require(): a dynamic import() in
      // code run by vm.Script prints an ExperimentalWarning (run-bundle.ts).
      dynamicImportInCjs: false,
      // A smaller source to keep in memory (7.7 → 6.8 MB for post). Not minified: stack
      // traces and profiles keep readable lines and the source's names.
      comments: false,
      // V8 keeps a source with any character above U+00FF as two bytes a character: zod's
      // locales alone made the 6.8 MB bundle a 13.5 MB string in every service's heap.
      charset: 'ascii',
    },
  });

export default [
  ...SERVICE_NAMES.map((service) =>
    bundle(`${VIRTUAL}${service}`, `dist/bundle/apps/${service}/main.js`, [
      serviceEntries,
      typeormCompatFromBundle,
    ]),
  ),
  bundle('dist/libs/observability/src/tracing.register.js', 'dist/bundle/tracing.js'),
  bundle('dist/libs/chassis/src/boot/boot-bundle.js', 'dist/bundle/boot.js'),
];
