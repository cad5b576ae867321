// Test fixture: Authorization headers for calling a handler directly, as the gateway would pass them on. The
// signature is junk on purpose: handlers never check it (verify_jwt = true makes the gateway do that, see
// ../caller.ts), so a test can state exactly the claims it wants.

function base64UrlJson(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** A JWT-shaped bearer token with the given claims. */
export function bearerWithClaims(claims: Record<string, unknown>): string {
  return `Bearer ${base64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${base64UrlJson(claims)}.signature-checked-by-the-gateway`;
}

export const serviceRoleBearer = bearerWithClaims({ role: 'service_role', iss: 'supabase' });
