import { resolveVisitor } from './visitor-identity';

const HEADER_ID = '0b7e6b2a-5c1d-4c1e-9a51-6f1f2c3d4e5f';
const COOKIE_ID = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const NEW_ID = '11111111-2222-4333-8444-555555555555';
const newId = () => NEW_ID;

describe('resolveVisitor', () => {
  it('prefers the x-visitor-id header and sets no cookie', () => {
    expect(resolveVisitor(HEADER_ID, COOKIE_ID, newId)).toEqual({
      ok: true,
      visitorId: HEADER_ID,
      issueCookie: false,
    });
  });

  it('uses the vid cookie when there is no header', () => {
    expect(resolveVisitor(undefined, COOKIE_ID.toUpperCase(), newId)).toEqual({
      ok: true,
      visitorId: COOKIE_ID,
      issueCookie: false,
    });
  });

  it('issues a new id (and cookie) for a first-time or tampered-cookie visitor', () => {
    const fresh = { ok: true, visitorId: NEW_ID, issueCookie: true };
    expect(resolveVisitor(undefined, undefined, newId)).toEqual(fresh);
    expect(resolveVisitor(undefined, 'not-a-uuid', newId)).toEqual(fresh);
  });

  it('refuses a header that is not a UUID', () => {
    expect(resolveVisitor('visitor-1', COOKIE_ID, newId)).toMatchObject({ ok: false });
  });
});
