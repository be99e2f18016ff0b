/**
 * Sign-in through the provincial identity platform (OpenID Connect, authorization code + PKCE, with
 * state and nonce). The platform proves who someone is; the shell decides what they may do: a person
 * must already have a shell account (made by their county or the province), linked on first sign-in by
 * the `preferred_username` claim and by `iss`+`sub` ever after.
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
  subject: string;
  preferredUsername: string | null;
  /** The platform says the person passed a second factor (`amr` contains mfa/otp/hwk). */
  strongAuth: boolean;
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
      scope: 'openid profile',
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
    let username = typeof claims.preferred_username === 'string' ? claims.preferred_username : null;
    if (username === null) {
      // Providers often keep profile claims out of the ID token and answer them at userinfo.
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      username = typeof info.preferred_username === 'string' ? info.preferred_username : null;
    }
    return {
      subject: `${claims.iss} ${claims.sub}`,
      preferredUsername: username,
      strongAuth: amr.some((m) => ['mfa', 'otp', 'hwk', 'sms'].includes(m)),
    };
  }
}
