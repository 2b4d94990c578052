import type { ErrorKind } from '@blog/domain';

export { AppError, type ErrorKind } from '@blog/domain';

export const HTTP_STATUS_OF: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'unsupported-media-type': 415,
  unprocessable: 422,
  unavailable: 503,
};
