/**
 * Side-effect entry: starts tracing from the environment before anything else loads. Import it
 * first in an entry file or preload it: `node -r ./dist/libs/observability/src/tracing.register.js`.
 * It imports only the SDK, never Nest or the rest of this library, so nothing it patches is
 * loaded before the patches are in place.
 */
import { serviceIdentityFromEnv } from './tracing/service-identity';
import { startTracing } from './tracing/start-tracing';

startTracing(serviceIdentityFromEnv(process.env, process.argv[1]));
