/**
 * Where a `.cpuprofile`'s busy time went, by package (node_modules/<package>, node:<module>,
 * or a folder of ours), then by function: the reading behind "profile, not guess".
 *
 *   node dist/bench/profile/profile-by-package.js /tmp/prof/CPU.….cpuprofile [--top 25]
 *
 * Profile an unbundled build (`dist/apps/<svc>/src/main.js`): in a bundle every function
 * sits in one file and the package column says nothing.
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from '../lib/stats';
import { profileFileArgs } from './profile-file-args';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const ROOT_URL = `file://${process.cwd()}/`;

function packageOf({ url, functionName }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName}`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (dependency) return dependency;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 3).join('/')}`;
  return url.replace(ROOT_URL, '').split('/').slice(0, 3).join('/');
}

function selfTimes(profile: CpuProfile): Map<ProfileNode, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<ProfileNode, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (node) self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return self;
}

function shares(totals: Map<string, number>, busy: number, top: number): string[][] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => [name, `${((100 * us) / busy).toFixed(1)} %`]);
}

const { file, top } = profileFileArgs('profile-by-package.js <file.cpuprofile> [--top 25]', 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
for (const [node, us] of selfTimes(profile)) {
  const owner = packageOf(node.callFrame);
  if (owner === '(idle)') continue;
  busy += us;
  byPackage.set(owner, (byPackage.get(owner) ?? 0) + us);
  const name = `${owner} ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
}
process.stdout.write(
  `busy ${(busy / 1e6).toFixed(2)} s\n\n${markdownTable(['package', 'busy'], shares(byPackage, busy, top))}\n\n` +
    `${markdownTable(['function', 'busy'], shares(byFunction, busy, top))}\n`,
);
