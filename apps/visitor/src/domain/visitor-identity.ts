const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type VisitorIdentity =
  | { readonly ok: true; readonly visitorId: string; readonly issueCookie: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * Who is visiting, anonymously: an explicit `x-visitor-id` header wins (API clients,
 * apps); else the `vid` cookie; else a new id the caller must set as a cookie. A bad
 * header is the client's mistake and refused; a bad cookie is replaced (it may be stale
 * or tampered with, and the visitor cannot fix it).
 */
export function resolveVisitor(
  header: string | undefined,
  cookie: string | undefined,
  newId: () => string,
): VisitorIdentity {
  if (header !== undefined) {
    return UUID.test(header)
      ? { ok: true, visitorId: header.toLowerCase(), issueCookie: false }
      : { ok: false, reason: 'x-visitor-id must be a UUID' };
  }
  if (cookie !== undefined && UUID.test(cookie)) {
    return { ok: true, visitorId: cookie.toLowerCase(), issueCookie: false };
  }
  return { ok: true, visitorId: newId(), issueCookie: true };
}
