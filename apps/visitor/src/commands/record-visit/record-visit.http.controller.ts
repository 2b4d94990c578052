import { randomUUID } from 'node:crypto';
import { Controller, Req, Res } from '@nestjs/common';
import { AppError, type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveVisitor } from '../../domain/visitor-identity';
import { route } from '../../infrastructure/route';
import { RecordVisitHandler, type RecordedVisit } from './record-visit.handler';
import { RecordVisitRequest } from './record-visit.request.dto';
import { readCookie, VISITOR_COOKIE, visitorCookie } from './visitor-cookie';

export const recordVisit = route({
  method: 'POST',
  path: '/visits',
  operationId: 'recordVisit',
  summary: 'Record a visit to a published post',
  description:
    'Anonymous visitors are told apart by `x-visitor-id`, or else the visitor cookie, which is set on the first visit.',
  tag: 'visits',
  access: 'public',
  headers: z.object({
    'x-visitor-id': z
      .string()
      .max(100)
      .optional()
      .describe('A UUID naming the visitor (an app’s own id); else the cookie is used'),
  }),
  body: RecordVisitRequest,
  answers: {
    201: {
      description: 'Counted',
      headers: { 'set-cookie': 'The visitor cookie, on a first visit without one' },
      body: z
        .object({
          postId: z.uuid(),
          blogId: z.uuid(),
          firstVisit: z.boolean().describe('This visitor’s first visit to the post'),
        })
        .meta({ id: 'RecordedVisit' }),
    },
  },
  refusals: [
    {
      status: 404,
      code: 'VISITOR.POST_NOT_FOUND',
      when: 'no published post has this id (on this blog, when `blogId` is sent)',
    },
  ],
});

/** `POST /visits`: public; an authenticated caller's account is remembered for anonymisation. */
@Controller()
export class RecordVisitHttpController {
  constructor(private readonly recordVisit: RecordVisitHandler) {}

  @Endpoint(recordVisit)
  async record(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<RecordedVisit> {
    const { headers, body } = recordVisit.parse(request);
    const identity = resolveVisitor(
      headers['x-visitor-id'],
      readCookie(request.headers.cookie, VISITOR_COOKIE),
      randomUUID,
    );
    if (!identity.ok) throw new AppError('invalid', 'VISITOR.INVALID_INPUT', identity.reason);
    const visit = await this.recordVisit.execute({
      postId: body.postId,
      blogId: body.blogId ?? null,
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
