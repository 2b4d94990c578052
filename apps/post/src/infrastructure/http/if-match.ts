import { AppError } from '@blog/chassis';

/** `"3"`, `W/"3"` or `3`: the version the client last saw; `*`: any version. */
export type IfMatch =
  { readonly kind: 'version'; readonly version: number } | { readonly kind: 'any' };

const VERSION = /^(?:W\/)?"(\d{1,9})"$|^(\d{1,9})$/;

/** Undefined when the header is absent; 400 when it is not a post's ETag. */
export function parseIfMatch(header: string | string[] | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return { kind: 'any' };
  const match = VERSION.exec(value);
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) {
    throw new AppError('invalid', 'POST.INVALID_IF_MATCH', 'If-Match must be one ETag, e.g. "3"');
  }
  return { kind: 'version', version: Number(digits) };
}

/** Optimistic concurrency at the edge: the client edited the version it saw, or nothing. */
export function assertIfMatch(ifMatch: IfMatch | undefined, version: number): void {
  if (ifMatch?.kind !== 'version' || ifMatch.version === version) return;
  throw new AppError(
    'conflict',
    'POST.VERSION_CONFLICT',
    `The post is at version ${version}, not ${ifMatch.version}: reload and retry`,
    { expected: ifMatch.version, actual: version },
  );
}
