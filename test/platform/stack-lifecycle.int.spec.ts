import { SERVICE_PORTS } from '@blog/chassis';
import { stackCommand, stackProcesses } from '@blog/testing';

// The run's harness has already brought the stack up once; this is the second `up`.
// (`down` leaving nothing behind is checked by scripts/test.sh after the last spec.)
describe('scripts/stack.sh up, run again on a running stack', () => {
  it('starts nothing new and leaves one healthy stack', async () => {
    const before = await stackProcesses();
    expect(before.filter((p) => p.includes('kafka.Kafka '))).toHaveLength(1);
    expect(before.filter((p) => p.includes('ConnectDistributed'))).toHaveLength(1);

    const output = await stackCommand('scripts/stack.sh', ['up']);

    expect(output).toMatch(/gateway: http:\/\/127\.0\.0\.1:3000/);
    expect(await stackProcesses()).toEqual(before);
    for (const port of Object.values(SERVICE_PORTS)) {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect({ port, status: response.status }).toEqual({ port, status: 200 });
    }
  });
});
