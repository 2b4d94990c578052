import { format, resolveConfig } from 'prettier';

/**
 * JSON as the repository keeps generated files (schema snapshots, the AsyncAPI document,
 * pacts): two-space indented, then through Prettier with the project's settings, so
 * `prettier --check` and a regenerated file agree byte for byte.
 */
export async function prettyJson(value: unknown, file = 'generated.json'): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(value, null, 2), { ...options, parser: 'json' });
}
