import { AppError } from '../errors/app-error';

/**
 * A page cursor over a listing ordered by a bigint sequence (the read model's `seq`):
 * opaque to clients, the position of the last item of the page.
 */
export function encodeSeqCursor(seq: string): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

/** The position a cursor names, null without one; any other text is a 400 `code`. */
export function decodeSeqCursor(cursor: string | undefined, code: string): string | null {
  if (cursor === undefined) return null;
  const seq = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1];
  if (seq === undefined) throw new AppError('invalid', code, 'Invalid cursor');
  return seq;
}
