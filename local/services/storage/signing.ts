// Signed URL tokens, as Supabase Storage makes them: an HS256 JWT signed with the project's JWT secret that names
// the object (`url: "<bucket>/<name>"`), what it allows (`scope`: download or upload; an upload token also carries
// the owner and whether it may overwrite) and when it expires. Verification errors carry jose's own messages
// (`"exp" claim timestamp check failed`, `signature verification failed`), which storage-api passes on too.
import * as jose from 'jose';
import { z } from 'zod';
import { storageError, StorageHttpError } from './errors.ts';

export type SignedScope = 'download' | 'upload';

const signedTokenSchema = z.object({
  url: z.string(),
  scope: z.enum(['download', 'upload']),
  exp: z.number(),
  owner: z.string().optional(),
  upsert: z.boolean().optional(),
  /** A signed link to a transformed image carries its options (render/image/sign). */
  transformation: z.record(z.string(), z.unknown()).optional(),
});
export type SignedToken = z.infer<typeof signedTokenSchema>;

export interface UrlSigner {
  sign(claims: { url: string; scope: SignedScope; owner?: string; upsert?: boolean; transformation?: Record<string, unknown> }, expiresInSeconds: number): Promise<string>;
  /** The token's claims when it is genuine, unexpired, of `scope` and for exactly this object. */
  verify(token: string, objectUrl: string, scope: SignedScope): Promise<SignedToken>;
}

export function createUrlSigner(jwtSecret: string): UrlSigner {
  const secret = new TextEncoder().encode(jwtSecret);
  return {
    async sign(claims, expiresInSeconds) {
      if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) {
        throw new StorageHttpError(400, 'InvalidParameter', 'InvalidParameter', 'Invalid Parameter expiresIn');
      }
      const issuedAt = Math.floor(Date.now() / 1000);
      return new jose.SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + Math.floor(expiresInSeconds))
        .sign(secret);
    },
    async verify(token, objectUrl, scope) {
      let payload: jose.JWTPayload;
      try {
        ({ payload } = await jose.jwtVerify(token, secret, { algorithms: ['HS256'] }));
      } catch (error) {
        throw storageError.invalidJwt((error as Error).message);
      }
      const claims = signedTokenSchema.safeParse(payload);
      if (!claims.success || claims.data.scope !== scope) throw storageError.invalidSignature(`Token is not scoped for ${scope}`);
      if (claims.data.url !== objectUrl) throw storageError.invalidSignature();
      return claims.data;
    },
  };
}
