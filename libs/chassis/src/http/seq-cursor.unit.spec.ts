import { decodeSeqCursor, encodeSeqCursor } from './seq-cursor';

describe('seq cursors', () => {
  it('round-trips a position and reads no cursor as the first page', () => {
    expect(decodeSeqCursor(encodeSeqCursor('42'), 'SPEC.INVALID_CURSOR')).toBe('42');
    expect(decodeSeqCursor(undefined, 'SPEC.INVALID_CURSOR')).toBeNull();
  });

  it("refuses a cursor it never handed out with the service's code", () => {
    const forged = Buffer.from("s:1' OR 1=1").toString('base64url');
    expect(() => decodeSeqCursor(forged, 'SPEC.INVALID_CURSOR')).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'SPEC.INVALID_CURSOR' }),
    );
  });
});
