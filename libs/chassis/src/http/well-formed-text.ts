/**
 * The first string in a parsed JSON value that Postgres cannot store as text or that is
 * not well-formed Unicode: a NUL character (text columns refuse it, so it would surface
 * as a 500 deep in a handler) or a lone surrogate (UTF-8 cannot encode it; pg would
 * silently store U+FFFD instead of what the client sent). Null when there is none.
 */
export function firstIllFormedText(value: unknown, path = '$'): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? path : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstIllFormedText(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  // Plain objects only: a raw body (the gateway's Buffers) is the upstream's to judge.
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstIllFormedText(key, path) ?? firstIllFormedText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
