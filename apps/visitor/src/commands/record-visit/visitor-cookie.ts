export const VISITOR_COOKIE = 'vid';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The value of one cookie in a `Cookie` header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** HttpOnly: scripts never see it; SameSite=Lax: not sent on cross-site sub-requests. */
export function visitorCookie(visitorId: string, secure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${ONE_YEAR_S}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return [`${VISITOR_COOKIE}=${visitorId}`, ...attributes].join('; ');
}
