import { AppError } from '@blog/chassis';

/** Opaque to clients: the position of the last item of a page in the listing's order. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const seq = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1];
  if (seq === undefined) throw new AppError('invalid', 'POST.INVALID_CURSOR', 'Invalid cursor');
  return seq;
}
