import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SERVICE_NAMES, SERVICE_PORTS } from '@blog/chassis';
import { eventually } from '@blog/testing';

// Operators read these lines in Kibana: every service's log file (the local stack writes
// one per service) must be ECS JSON with the fields the dashboards filter on, and must
// never carry a credential.
const LOGS = resolve(__dirname, '../../.stack/logs');
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const CLEAR_SECRET = /"(password|refreshToken|accessToken|authorization)":"(?!\[REDACTED\])[^"]+"/i;

async function logLines(service: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(`${LOGS}/${service}.log`, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.each(SERVICE_NAMES)('%s logs', (service) => {
  it('are ECS JSON lines naming the service, with an access line per request', async () => {
    const probe = `/ecs-probe-${Date.now()}`;
    const response = await fetch(`http://127.0.0.1:${SERVICE_PORTS[service]}${probe}`);
    expect(response.status).toBeGreaterThanOrEqual(400);

    const lines = await eventually(
      () => logLines(service),
      (found) => found.some((line) => line['url.path'] === probe),
      10_000,
    );
    const access = lines.find((line) => line['url.path'] === probe);
    expect(access).toMatchObject({
      'event.dataset': `${service}.access`,
      'http.request.method': 'GET',
      'http.response.status_code': response.status,
      'service.name': service,
      'log.level': expect.any(String),
    });
    for (const line of lines.slice(-200)) {
      expect(line).toMatchObject({
        '@timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        'log.level': expect.any(String),
        message: expect.any(String),
        'service.name': service,
        'service.version': expect.stringMatching(/^\d+\.\d+\.\d+/),
        'event.dataset': expect.stringMatching(new RegExp(`^${service}\\.`)),
      });
    }
  });

  it('never carry a token or a clear-text credential', async () => {
    const text = await readFile(`${LOGS}/${service}.log`, 'utf8');
    expect(text).not.toMatch(JWT);
    expect(text).not.toMatch(CLEAR_SECRET);
  });
});
