/**
 * Sign-in through the provincial identity platform (OpenID Connect, authorization code + PKCE, with
 * state and nonce). The platform proves who someone is; the shell decides what they may do: a person
 * must already have a shell account that an operator linked to their `iss`+`sub`
 * (`cunmen-shell user link-oidc`). Nothing else links: a `preferred_username` is a name the platform's
 * users may choose or reuse, so matching on it would hand a shell account to whoever takes the name.
 */
import * as client from 'openid-client';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The shell's callback URL registered with the platform, e.g. https://cunmen.example/api/auth/oidc/callback */
  redirectUri: string;
  /** Allow an http:// issuer (tests and local development only). */
  allowInsecure?: boolean;
}

export interface OidcIdentity {
  /** `<iss> <sub>`: what an operator links to a shell account. */
  subject: string;
  /** The platform says the person used a phishing-resistant factor (see `phishingResistant`). */
  strongAuth: boolean;
  /** The `amr` values the platform sent, for the audit log. */
  amr: string[];
}

/**
 * Whether an ID token's `amr` (RFC 8176) names a factor a phishing page cannot relay: a hardware key
 * (`hwk`), a FIDO authenticator (`fido`), or a software key proven in possession (`swk` with `pop`).
 * One-time codes (`otp`, `sms`, `mfa`, `tel`) can be typed into a fake page and replayed at once, so
 * they do not stand in for the shell's own TOTP step, which is then still asked.
 */
export function phishingResistant(amr: readonly string[]): boolean {
  const has = (m: string) => amr.includes(m);
  return has('hwk') || has('fido') || (has('swk') && has('pop'));
}

export class OidcClient {
  private config: Promise<client.Configuration> | null = null;

  constructor(private readonly options: OidcOptions) {}

  private configuration(): Promise<client.Configuration> {
    this.config ??= client
      .discovery(new URL(this.options.issuer), this.options.clientId, this.options.clientSecret, undefined, {
        execute: this.options.allowInsecure ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        this.config = null; // retry discovery next time
        throw err;
      });
    return this.config;
  }

  async start(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async finish(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcIdentity> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the platform returned no ID token');
    const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]).map(String) : [];
    return { subject: `${claims.iss} ${claims.sub}`, strongAuth: phishingResistant(amr), amr };
  }
}
