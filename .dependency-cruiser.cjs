// Layering (STYLE.md rule 9): apps never import apps, libraries never import apps,
// domain code is pure, and nothing is circular.
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'Services talk through Kafka contracts and HTTP, never through each other’s code.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'decide/evolve and events import no framework, database or broker.',
      from: { path: '/domain/' },
      to: {
        path: '(/infrastructure/|/commands/|/consumers/|node_modules/(@nestjs|typeorm|pg|kafkajs))',
      },
    },
    {
      name: 'domain-reaches-nothing',
      severity: 'error',
      comment:
        'What a decider imports, and all that imports in turn, loads no framework, database, ' +
        'broker, telemetry or metrics client: barrels that do are out of its reach.',
      from: { path: '/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        reachable: true,
        path: 'node_modules/(@nestjs|fastify|@fastify|kafkajs|pg|typeorm|prom-client|@opentelemetry|winston)/',
      },
    },
    {
      name: 'tests-stay-out-of-runtime',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '(\\.spec\\.ts$|^libs/testing/)' },
      to: { path: '(\\.spec\\.ts$|^libs/testing/)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.stack/)' },
  },
};
