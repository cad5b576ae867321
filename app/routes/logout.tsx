// Sign-out is a POST (a link or prefetch must never end a session).
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { createSupabaseServerClient } from '~/lib/server/supabase.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request);
  // `local`: this browser only; the user's other devices stay signed in. The cookies are
  // cleared even when the Auth call fails, so the user is signed out here either way.
  await supabase.auth.signOut({ scope: 'local' });
  return redirect('/login', { headers });
}
