import { Endpoint } from '@blog/chassis';
import { Controller, Header, Inject } from '@nestjs/common';
import { z } from 'zod';
import { route } from '../commands/account-fields';
import type { SigningKey } from './signing-key';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

export const jwks = route({
  method: 'GET',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  summary: 'Token signing keys (JWKS)',
  tag: 'auth',
  access: 'public',
  answers: {
    200: {
      description: 'The public half of the signing key, for every verifier',
      headers: { 'cache-control': '`public, max-age=300`' },
      body: z
        .object({
          keys: z.array(
            z.object({
              kty: z.literal('RSA'),
              n: z.string(),
              e: z.string(),
              kid: z.string(),
              alg: z.literal('RS256'),
              use: z.literal('sig'),
            }),
          ),
        })
        .meta({ id: 'Jwks' }),
    },
  },
});

/** The public half of the signing key, for every verifier (gateway and services). */
@Controller()
export class JwksHttpController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  @Endpoint(jwks)
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return { keys: [this.key.publicJwk] };
  }
}
