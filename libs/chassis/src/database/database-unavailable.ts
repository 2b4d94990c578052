/**
 * Errors that mean "the database is not there right now" rather than "this request is
 * wrong": SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, crashed,
 * starting up), 55000 only for the not-accepting-connections refusal, and the socket
 * errors pg raises when the server is gone. A client should retry these later (503).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not currently accepting connections/,
  // pg's refusal to use a client whose connection already failed or closed.
  /^Client (has encountered a connection error|was closed) and is not queryable/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || SQLSTATES.has(code))) return true;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
  return MESSAGES.some((pattern) => pattern.test(error.message));
}
