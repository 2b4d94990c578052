/**
 * What a `.heapsnapshot`'s live heap is made of: self size by V8 node type (strings, code,
 * objects, closures…), and the largest strings, which in our services are the sources V8
 * keeps for lazy compilation (the bundle, the tracing preload). The reading behind the
 * footprint's "what is left" (bench/RESULTS.md).
 *
 *   node dist/bench/profile/heap-by-kind.js /tmp/blog.heapsnapshot [--top 10]
 *
 * Taking one from a running service is in bench/README.md, "Profiling".
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from '../lib/stats';
import { profileFileArgs } from './profile-file-args';

/** The parts of V8's snapshot format read here: flat node records described by `meta`. */
interface HeapSnapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: readonly string[];
      readonly node_types: readonly [readonly string[], ...unknown[]];
    };
  };
  readonly nodes: readonly number[];
  readonly strings: readonly string[];
}

interface HeapNode {
  readonly type: string;
  readonly name: string;
  readonly selfSize: number;
}

function* nodesOf(heap: HeapSnapshot): Generator<HeapNode> {
  const { node_fields: fields, node_types: nodeTypes } = heap.snapshot.meta;
  const fieldAt = (field: string) => {
    const at = fields.indexOf(field);
    if (at < 0) throw new Error(`not a V8 heap snapshot: its nodes have no ${field}`);
    return at;
  };
  const [typeAt, nameAt, sizeAt] = [fieldAt('type'), fieldAt('name'), fieldAt('self_size')];
  const types = nodeTypes[0];
  for (let at = 0; at < heap.nodes.length; at += fields.length) {
    yield {
      type: types[heap.nodes[at + typeAt] ?? -1] ?? '?',
      name: heap.strings[heap.nodes[at + nameAt] ?? -1] ?? '',
      selfSize: heap.nodes[at + sizeAt] ?? 0,
    };
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

const { file, top } = profileFileArgs('heap-by-kind.js <file.heapsnapshot> [--top 10]', 10);
const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
const byType = new Map<string, number>();
const strings: HeapNode[] = [];
let total = 0;
for (const node of nodesOf(heap)) {
  total += node.selfSize;
  byType.set(node.type, (byType.get(node.type) ?? 0) + node.selfSize);
  if (node.type === 'string') strings.push(node);
}
const typeRows = [...byType]
  .sort((a, b) => b[1] - a[1])
  .map(([type, size]) => [type, mb(size), `${((100 * size) / total).toFixed(1)} %`]);
const largest = strings
  .sort((a, b) => b.selfSize - a.selfSize)
  .slice(0, top)
  // A source string starts with the CommonJS wrapper; what follows says whose it is.
  .map((s) => [mb(s.selfSize), JSON.stringify(s.name.slice(0, 90))]);
process.stdout.write(
  `live heap ${mb(total)} MB\n\n${markdownTable(['type', 'MB', 'share'], typeRows)}\n\n` +
    `${markdownTable(['largest strings MB', 'start'], largest)}\n`,
);
