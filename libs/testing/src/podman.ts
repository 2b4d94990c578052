import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/**
 * No Docker engine here: podman as root, with runc (crun refuses to start containers on
 * these machines) and cgroupfs (no systemd to manage cgroups), as scripts/container-base.sh.
 */
export const PODMAN_GLOBAL_FLAGS = ['--cgroup-manager=cgroupfs', '--runtime', 'runc'];

/** podman's defaults for these limits are refused on these machines. */
export const RUN_LIMITS = ['--ulimit', 'nofile=1024:4096', '--ulimit', 'nproc=1024:2048'];

interface ExecFailure {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly message: string;
}

const isExecFailure = (error: unknown): error is ExecFailure =>
  error instanceof Error && ('stderr' in error || 'stdout' in error);

/** The last lines of what a failed command printed: enough to say why, not a build log. */
function describeFailure(command: string, error: unknown): Error {
  if (!isExecFailure(error)) return new Error(`${command}: ${String(error)}`);
  const output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim().split('\n').slice(-25);
  return new Error(`${command} failed: ${error.message.split('\n')[0]}\n${output.join('\n')}`);
}

/** One podman command; returns its trimmed stdout, or throws with the tail of its output. */
export async function podman(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  try {
    const { stdout } = await run('podman', [...PODMAN_GLOBAL_FLAGS, ...args], {
      cwd: ROOT,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.trim();
  } catch (error) {
    throw describeFailure(`podman ${args.slice(0, 3).join(' ')}`, error);
  }
}

/**
 * scripts/container-base.sh: the local stand-in for the Dockerfile's default base (installs
 * podman and mmdebstrap when missing, reuses its image while its recipe is unchanged).
 * Its last stdout line is the image name.
 */
export async function buildBaseImage(timeoutMs: number): Promise<string> {
  try {
    const { stdout } = await run('bash', [resolve(ROOT, 'scripts/container-base.sh')], {
      cwd: ROOT,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    const image = stdout.trim().split('\n').at(-1) ?? '';
    if (!image) throw new Error('scripts/container-base.sh printed no image name');
    return image;
  } catch (error) {
    throw describeFailure('scripts/container-base.sh', error);
  }
}

const imageId = (image: string) =>
  podman(['image', 'inspect', '--format', '{{.Id}}', image]).catch(() => '');

/**
 * The project's Dockerfile on `base`, tagged `image`. Layers are cached by podman, so an
 * unchanged package-lock skips npm install (about 100 s of a cold build). The build stage
 * is tagged too (`<image>-build`): once the sources change, the images both tags pointed
 * at before are removed (with their layers nothing else uses), so repeated runs do not
 * pile up untagged copies of the dependencies and the bundles.
 */
export async function buildAppImage(base: string, image: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const buildStage = `${image}-build`;
  const previous = [await imageId(buildStage), await imageId(image)];
  const build = (target: string[], tag: string) =>
    podman(
      [
        'build',
        '--isolation',
        'chroot',
        '--build-arg',
        `NODE_IMAGE=${base}`,
        ...target,
        '-t',
        tag,
        '-f',
        'Dockerfile',
        '.',
      ],
      Math.max(1, deadline - Date.now()),
    );
  await build(['--target', 'build'], buildStage);
  // The runtime stage finds every build-stage layer in the cache.
  await build([], image);
  const current = [await imageId(buildStage), await imageId(image)];
  for (const id of previous) {
    if (id && !current.includes(id)) await podman(['rmi', id]).catch(() => undefined);
  }
}
