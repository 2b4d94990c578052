import { HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { LockedError } from '@blog/domain';
import { AppError } from './app-error';
import { errorResponseOf } from './error-body.filter';

describe('errorResponseOf', () => {
  it('maps a use case refusal to its status and stable code', () => {
    const error = new AppError('conflict', 'USER.HANDLE_TAKEN', 'handle "ann" is taken', {
      handle: 'ann',
    });
    expect(errorResponseOf(error)).toEqual({
      status: 409,
      body: {
        code: 'USER.HANDLE_TAKEN',
        message: 'handle "ann" is taken',
        details: { handle: 'ann' },
      },
    });
  });

  it('answers a semantic lock with 409 LOCKED naming the saga', () => {
    const error = new LockedError('post p1', { sagaId: 's1', sagaType: 'publish-post' }, 'edit');
    expect(errorResponseOf(error)).toMatchObject({
      status: 409,
      body: { code: 'LOCKED', details: { sagaId: 's1', sagaType: 'publish-post' } },
    });
  });

  it('turns Fastify refusals into 4xx bodies, never 5xx', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    const malformed = Object.assign(new Error('Unexpected token'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(errorResponseOf(tooLarge)).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(errorResponseOf(malformed)).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
  });

  it('answers a content type no parser takes with 415 UNSUPPORTED_MEDIA_TYPE, however it arrives', () => {
    const fastifys = Object.assign(new Error('Unsupported Media Type'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    const nests = new HttpException('Unsupported Media Type', 415);
    for (const error of [fastifys, nests]) {
      expect(errorResponseOf(error)).toEqual({
        status: 415,
        body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JSON') },
      });
    }
  });

  it('keeps the readiness report verbatim, so the failing component stays named', () => {
    const report = {
      status: 'error',
      info: {},
      error: { database: { status: 'down' } },
      details: {},
    };
    expect(errorResponseOf(new ServiceUnavailableException(report))).toEqual({
      status: 503,
      body: report,
    });
  });

  it('gives Nest’s own refusals documented codes, never HTTP_<status>', () => {
    expect(errorResponseOf(new HttpException('Bad Request', 400))).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
    expect(errorResponseOf(new HttpException('Method Not Allowed', 405))).toMatchObject({
      status: 405,
      body: { code: 'METHOD_NOT_ALLOWED' },
    });
  });

  it('hides unexpected errors behind a generic 500', () => {
    expect(errorResponseOf(new Error('connection string postgres://secret'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'Internal error' },
    });
    expect(errorResponseOf(new NotFoundException())).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });
});
