import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_READ_SAMPLE_RATIO } from '@blog/observability/tracing/sampler-from-env';
import { parse } from 'yaml';
import { z } from 'zod';

// What a Docker user meets before anything runs: the compose file, the key step, line ends
// and the Node version the image is built on. The container tier proves the image runs
// here; these hold the rest in step with it.

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

const service = z.looseObject({
  image: z.string().optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  volumes: z.array(z.string()).optional(),
  security_opt: z.array(z.string()).optional(),
  secrets: z.array(z.string()).optional(),
});
const compose = z
  .looseObject({
    services: z.record(z.string(), service),
    secrets: z.record(z.string(), z.object({ file: z.string() })),
  })
  .parse(parse(read('docker-compose.yml'), { merge: true }));

const APPS = ['gateway', 'auth', 'user', 'blog', 'post', 'visitor', 'subscribe'];
const KEY_STEPS = [
  'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/auth-signing.pem',
  'chown 1000:1000 secrets/auth-signing.pem',
];

describe('docker-compose.yml and what a Docker user starts from', () => {
  const version = (JSON.parse(read('package.json')) as { version: string }).version;

  it.each(APPS)('runs %s from the project image with the release it reports', (name) => {
    const app = compose.services[name];
    expect(app?.image).toBe('blog-backend:local');
    expect(String(app?.environment?.['SERVICE_VERSION'])).toBe(`\${SERVICE_VERSION:-${version}}`);
  });

  it('lets .env set the gateway’s credential rate limit, and lists it in .env.example', () => {
    expect(compose.services['gateway']?.environment?.['AUTH_RATE_LIMIT_MAX']).toMatch(
      /^\$\{AUTH_RATE_LIMIT_MAX:-\d+\}$/,
    );
    expect(read('.env.example')).toMatch(/^#? ?AUTH_RATE_LIMIT_MAX=\d+$/m);
  });

  it.each(APPS)(
    'lets .env set the share of read traces %s keeps, by default the code’s',
    (name) => {
      expect(compose.services[name]?.environment?.['TRACE_READ_SAMPLE_RATIO']).toBe(
        `\${TRACE_READ_SAMPLE_RATIO:-${DEFAULT_READ_SAMPLE_RATIO}}`,
      );
      expect(read('.env.example')).toContain(
        `# TRACE_READ_SAMPLE_RATIO=${DEFAULT_READ_SAMPLE_RATIO}\n`,
      );
    },
  );

  it('relabels every bind mount for SELinux hosts, or runs that one container unconfined', () => {
    const unlabelled = Object.entries(compose.services).flatMap(([name, definition]) =>
      definition.security_opt?.includes('label=disable')
        ? []
        : (definition.volumes ?? [])
            .filter((volume) => volume.startsWith('./'))
            .filter((volume) => !/:(?:ro,)?z$/.test(volume))
            .map((volume) => `${name}: ${volume}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('hands auth the key file the documented steps make, and every guide names those steps', () => {
    expect(compose.services['auth']?.secrets).toContain('auth_signing_key');
    expect(compose.secrets['auth_signing_key']?.file).toBe('./secrets/auth-signing.pem');
    for (const guide of ['docker-compose.yml', 'infra/README.md', 'README.md']) {
      const text = read(guide).replace(/\s+/g, ' ');
      for (const step of KEY_STEPS)
        expect({ guide, has: text.includes(step) }).toEqual({ guide, has: true });
    }
  });

  it('checks out every script bash runs with LF line ends, whatever core.autocrlf says', () => {
    const scripts = execFileSync('git', ['ls-files', '*.sh', '.ci/run', 'Dockerfile'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(scripts.length).toBeGreaterThan(5);
    const attributes = execFileSync('git', ['check-attr', 'eol', '--', ...scripts], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const notLf = attributes.split('\n').filter((line) => line && !line.endsWith(': eol: lf'));
    expect(notLf).toEqual([]);
  });

  it('builds the image on the Node major the project runs on, an LTS line', () => {
    const major = read('.node-version').trim().split('.')[0];
    expect(Number(major) % 2).toBe(0);
    expect(read('Dockerfile')).toContain(`ARG NODE_IMAGE=node:${major}-bookworm-slim`);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines
      .node;
    expect(engines).toContain(`>=${major}.`);
  });
});
