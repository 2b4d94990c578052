const isIllFormed = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/**
 * The first string in a parsed JSON value that Postgres cannot store as text or that is
 * not well-formed Unicode: a NUL character (text columns refuse it, so it would surface
 * as a 500 deep in a handler) or a lone surrogate (UTF-8 cannot encode it; pg would
 * silently store U+FFFD instead of what the client sent). Null when there is none.
 *
 * Walks with a stack of its own rather than recursion, so no shape of value can overflow
 * the call stack, whatever bounds the caller did or did not apply.
 */
export function firstIllFormedText(root: unknown): string | null {
  const pending: [value: unknown, path: string][] = [[root, '$']];
  while (pending.length > 0) {
    const [value, path] = pending.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (isIllFormed(value)) return path;
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push([value[index], `${path}[${index}]`]);
      }
    } else if (
      // Plain objects only: a raw body (the gateway's Buffers) is the upstream's to judge.
      typeof value === 'object' &&
      value !== null &&
      Object.getPrototypeOf(value) === Object.prototype
    ) {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, item] = entries[index] as [string, unknown];
        pending.push([item, `${path}.${key}`]);
        if (isIllFormed(key)) pending.push([key, path]);
      }
    }
  }
  return null;
}
