import { AppError } from '@blog/chassis';
import { z } from 'zod';

/**
 * Keyset cursor over (timestamp DESC, id DESC). The timestamp is Postgres' own text with
 * microseconds, so a page boundary never falls between two rows that a millisecond-precision
 * JavaScript Date would have merged.
 */
export interface PageKey {
  readonly at: string;
  readonly id: string;
}

const PageKeySchema = z.tuple([z.iso.datetime({ offset: true, precision: 6 }), z.uuid()]);

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PageKey | null {
  if (cursor === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = null;
  }
  const parsed = PageKeySchema.safeParse(json);
  if (!parsed.success) throw new AppError('invalid', 'SUBSCRIBE.INVALID_INPUT', 'invalid cursor');
  return { at: parsed.data[0], id: parsed.data[1] };
}

/** SQL for the cursor's timestamp text: UTC, microseconds, ISO-8601. */
export const cursorTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
