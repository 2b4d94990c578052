import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface TokenOptions {
  readonly sub?: string;
  readonly roles?: readonly string[];
  readonly exp?: string | number;
  readonly key?: CryptoKey;
}

/** The auth service's JWKS endpoint on loopback, and tokens signed with its key. */
export class JwksStandIn {
  private constructor(
    private readonly server: Server,
    private readonly signingKey: CryptoKey,
    readonly url: string,
  ) {}

  static async start(): Promise<JwksStandIn> {
    const pair = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new JwksStandIn(
      server,
      pair.privateKey,
      `http://127.0.0.1:${port}/.well-known/jwks.json`,
    );
  }

  token(options: TokenOptions = {}): Promise<string> {
    return new SignJWT({ roles: options.roles ?? ['user'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(options.sub ?? 'acc-user')
      .setJti(`jti-${Math.random().toString(36).slice(2)}`)
      .setIssuer('blog-auth')
      .setAudience('blog-api')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(options.key ?? this.signingKey);
  }

  async bearer(options: TokenOptions = {}): Promise<string> {
    return `Bearer ${await this.token(options)}`;
  }

  /** The same claims with `alg: none` and no signature: a classic forgery. */
  async unsignedBearer(): Promise<string> {
    const [, body] = (await this.token()).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url');
    return `Bearer ${header}.${body}.`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
