import { Public } from '@blog/chassis';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { SigningKey } from './signing-key';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

/** The public half of the signing key, for every verifier (gateway and services). */
@Controller('.well-known')
@Public()
export class JwksHttpController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return { keys: [this.key.publicJwk] };
  }
}
