export interface ServiceIdentityFromEnv {
  readonly serviceName: string;
  readonly serviceVersion: string;
}

/**
 * SERVICE_NAME and SERVICE_VERSION as the chassis config reads them. When preloaded with
 * `node -r` the service's config is not parsed yet and SERVICE_NAME is usually unset (the
 * chassis defaults it per app), so the app folder of the entry script (`dist/apps/<name>/`)
 * names it instead.
 */
export function serviceIdentityFromEnv(
  env: NodeJS.ProcessEnv,
  entryScript: string | undefined,
): ServiceIdentityFromEnv {
  const fromPath = entryScript ? /[\\/]apps[\\/]([^\\/]+)[\\/]/.exec(entryScript)?.[1] : undefined;
  return {
    serviceName: env['SERVICE_NAME'] || fromPath || 'unknown_service:node',
    serviceVersion: env['SERVICE_VERSION'] || env['npm_package_version'] || '0.0.0',
  };
}
