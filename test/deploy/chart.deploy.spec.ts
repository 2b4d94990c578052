import { RUN_TIMEOUT_MS, runValidate, TOOLS_TIMEOUT_MS } from './run-validate';

// The chart is linted, rendered with each value set in deploy/validate/values/ and every
// object checked against the Kubernetes API's schemas and the operators' CRDs at the
// versions docs/deploy.md installs, with no cluster (deploy/validate.sh).

describe('the Helm chart, validated offline', () => {
  beforeAll(async () => {
    const tools = await runValidate('tools');
    expect(tools.status, tools.output).toBe(0);
  }, TOOLS_TIMEOUT_MS);

  it(
    'lints, renders, and every rendered object matches its schema',
    async () => {
      const run = await runValidate();
      expect(run.status, run.output).toBe(0);
      const summaries = run.output.match(/^deploy: .*$/gm) ?? [];
      // Two value sets, each rendered for two Kubernetes versions.
      expect(summaries).toHaveLength(4);
      for (const summary of summaries) {
        expect(summary).toMatch(/^deploy: (\d+) objects, \1 validated, 0 errors, 0 unvalidated$/);
      }
      expect(run.output).not.toMatch(/^unvalidated/m);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'names every mistake of a deliberately broken manifest, and fails',
    async () => {
      const run = await runValidate('manifests', 'test/deploy/fixtures/broken.yaml');
      expect(run.status).toBe(1);
      const expected = [
        // Built-in kinds, strict: a missing required field and an unknown one.
        /^error Deployment\/broken-deployment .*: spec: 'template' is a required property$/m,
        /^error ConfigMap\/broken-configmap .*'dataa' was unexpected/m,
        // Each operator's CRD schema, made strict the same way.
        /^error KafkaConnector\/broken-connector .*: spec\/tasksMax: 'one' is not of type 'integer'$/m,
        /^error KafkaConnector\/broken-connector .*: spec: .*'clas' was unexpected/m,
        /^error Cluster\/broken-cluster .*: spec\/instances: 0 is less than the minimum of 1$/m,
        /^error OpenTelemetryCollector\/broken-collector .*: spec\/mode: 'sidecarr' is not one of/m,
        /^error Elasticsearch\/broken-elasticsearch .*: spec\/nodeSets\/0\/count: 'many' is not of type 'integer'$/m,
        // A kind nothing describes is listed, and fails the run.
        /^unvalidated Widget\/no-schema \(example\.com\/v1\): no schema for this kind \(fails\)$/m,
      ];
      for (const line of expected) expect(run.output).toMatch(line);
      expect(run.output).toMatch(/^deploy: 7 objects, 6 validated, 10 errors, 1 unvalidated$/m);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'refuses a key given twice, which the API server refuses and YAML parsers let pass',
    async () => {
      const run = await runValidate('manifests', 'test/deploy/fixtures/duplicate-key.yaml');
      expect(run.status).toBe(1);
      expect(run.output).toMatch(
        /^error test\/deploy\/fixtures\/duplicate-key\.yaml is not valid YAML: duplicate key 'app\.kubernetes\.io\/instance'/m,
      );
    },
    RUN_TIMEOUT_MS,
  );
});
