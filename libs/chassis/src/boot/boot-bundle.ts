/**
 * Starts a service from its bundle: `node dist/bundle/boot.js [--tracing] <service>`, the
 * bundled equivalent of `node [-r tracing.register.js] dist/apps/<service>/src/main.js`.
 * Imports only Node built-ins and run-bundle, so it adds nothing to the start.
 */
import { join } from 'node:path';
import { runBundle } from './run-bundle';

function main(args: string[]): void {
  const tracing = args[0] === '--tracing';
  const service = tracing ? args[1] : args[0];
  if (!service) throw new Error('usage: node dist/bundle/boot.js [--tracing] <service>');
  const bundle = join(__dirname, 'apps', service, 'main.js');
  // As if started as `node <bundle>`: tracing names the service by the entry's apps/<name>/.
  process.argv.splice(1, args.length + 1, bundle);
  if (tracing) runBundle(join(__dirname, 'tracing.js'));
  runBundle(bundle);
}

main(process.argv.slice(2));
