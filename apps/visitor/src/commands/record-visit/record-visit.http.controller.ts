import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { AppError, type Caller, CurrentCaller, Public } from '@blog/chassis';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveVisitor } from '../../domain/visitor-identity';
import { parseInput } from '../../infrastructure/parse-input';
import { RecordVisitHandler, type RecordedVisit } from './record-visit.handler';
import { RecordVisitRequest } from './record-visit.request.dto';
import { readCookie, VISITOR_COOKIE, visitorCookie } from './visitor-cookie';

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(',') : value;

/** `POST /visits`: public; an authenticated caller's account is remembered for anonymisation. */
@Controller('visits')
export class RecordVisitHttpController {
  constructor(private readonly recordVisit: RecordVisitHandler) {}

  @Post()
  @Public()
  @HttpCode(201)
  async record(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<RecordedVisit> {
    const input = parseInput(RecordVisitRequest, body, 'visit');
    const identity = resolveVisitor(
      single(request.headers['x-visitor-id']),
      readCookie(request.headers.cookie, VISITOR_COOKIE),
      randomUUID,
    );
    if (!identity.ok) throw new AppError('invalid', 'VISITOR.INVALID_INPUT', identity.reason);
    const visit = await this.recordVisit.execute({
      postId: input.postId,
      blogId: input.blogId ?? null,
      visitorId: identity.visitorId,
      accountId: caller?.accountId ?? null,
      at: new Date(),
    });
    if (identity.issueCookie) {
      const secure =
        request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
      void reply.header('set-cookie', visitorCookie(identity.visitorId, secure));
    }
    return visit;
  }
}
