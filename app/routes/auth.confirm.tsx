// Where every mailed link lands (supabase/templates/*.html): the token_hash is exchanged for a session here, on
// the server, with verifyOtp (@supabase/ssr's flow: the session goes into cookies, never into a URL fragment), and
// the user is sent on: to choose a password after a recovery or an invitation, else to their home.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { verifiedClaimsSchema } from '~/lib/server/auth.server';
import { createSupabaseServerClient } from '~/lib/server/supabase.server';
import { roleHome } from '~/lib/shared/roles';

const linkSchema = z.object({
  token_hash: z.string().min(1).max(200),
  type: z.enum(['recovery', 'invite', 'magiclink', 'signup', 'email']),
});

/** Links that exist to set a password: the user chooses one before anything else. */
const choosesPassword = new Set(['recovery', 'invite']);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const link = linkSchema.safeParse({ token_hash: url.searchParams.get('token_hash'), type: url.searchParams.get('type') });
  if (!link.success) throw redirect('/login');
  const { supabase, headers } = createSupabaseServerClient(request);
  const { error } = await supabase.auth.verifyOtp({ token_hash: link.data.token_hash, type: link.data.type });
  if (error) {
    // Expired, used already, or mangled by a mail client: the same next step, ask for a new one.
    throw redirect(choosesPassword.has(link.data.type) ? '/forgot-password?link=expired' : '/login?link=expired', { headers });
  }
  if (choosesPassword.has(link.data.type)) throw redirect(`/reset-password?reason=${link.data.type}`, { headers });
  const { data: claimsData } = await supabase.auth.getClaims();
  const claims = verifiedClaimsSchema.safeParse(claimsData?.claims);
  throw redirect(claims.success ? roleHome[claims.data.user_role] : '/', { headers });
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This link could not be opened. Please ask for a new one.',
  unexpected: { title: 'The link could not be opened', message: 'Something went wrong on our side. Please try again in a moment.' },
});
