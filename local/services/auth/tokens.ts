// Access tokens as Supabase Auth issues them: GoTrue's claims, passed through the custom
// access token hook, signed with the stack's asymmetric key (verifiable through the JWKS).
import type { StackKeys } from '../keys.ts';
import type { AuthenticationMethod, CustomAccessTokenHook } from './hook.ts';
import type { RefreshTokenRow, SessionRow } from './sessions.ts';
import type { UserRow, UsersRepository } from './users.ts';

export interface TokenIssuer {
  /** The session response of /token and /signup. */
  issue(user: UserRow, session: SessionRow, refreshToken: RefreshTokenRow, method: AuthenticationMethod): Promise<Record<string, unknown>>;
}

export function createTokenIssuer(options: {
  keys: StackKeys;
  issuer: string;
  expirySeconds: number;
  hook: CustomAccessTokenHook;
  users: UsersRepository;
}): TokenIssuer {
  return {
    async issue(user, session, refreshToken, method) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        aud: user.aud ?? 'authenticated',
        exp: issuedAt + options.expirySeconds,
        iat: issuedAt,
        iss: options.issuer,
        sub: user.id,
        email: user.email ?? '',
        phone: user.phone ?? '',
        app_metadata: user.raw_app_meta_data ?? {},
        user_metadata: user.raw_user_meta_data ?? {},
        role: user.role ?? 'authenticated',
        aal: session.aal ?? 'aal1',
        // The method and time of the sign-in that started the session, kept across refreshes.
        amr: [{ method: 'password', timestamp: Math.floor(session.created_at.getTime() / 1000) }],
        session_id: session.id,
        is_anonymous: user.is_anonymous,
      };
      const finalClaims = await options.hook.run({ userId: user.id, claims, authenticationMethod: method });
      const { exp: _exp, iat: _iat, ...toSign } = finalClaims;
      const accessToken = await options.keys.signAccessToken(toSign, options.expirySeconds);
      return {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: options.expirySeconds,
        expires_at: issuedAt + options.expirySeconds,
        refresh_token: refreshToken.token,
        user: await options.users.toJson(user),
      };
    },
  };
}
