import {
  UPSTREAM_NAMES,
  type UpstreamName,
} from '../../../apps/gateway/src/routing/upstream-names';
import { UpstreamStandIn } from './upstream-stand-in';

export type StandIns = Record<UpstreamName, UpstreamStandIn>;

/** One stand-in per upstream, and the `<NAME>_URL` keys that point the gateway at them. */
export async function startUpstreams(): Promise<{
  standIns: StandIns;
  env: Record<string, string>;
}> {
  const entries = await Promise.all(
    UPSTREAM_NAMES.map(async (name) => [name, await UpstreamStandIn.start()] as const),
  );
  const standIns = Object.fromEntries(entries) as StandIns;
  const env = Object.fromEntries(
    entries.map(([name, standIn]) => [`${name.toUpperCase()}_URL`, standIn.url]),
  );
  return { standIns, env };
}

export async function stopUpstreams(standIns: StandIns | undefined): Promise<void> {
  await Promise.all(Object.values(standIns ?? {}).map((standIn) => standIn.close()));
}
