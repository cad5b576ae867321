// Setting the signed-in user's password through Auth, and Auth's refusals in words a person understands.
import type { FieldErrors } from '~/lib/shared/forms';
import type { SupabaseServerClient } from '~/lib/server/supabase.server';

export type PasswordChangeOutcome = { ok: true } | { ok: false; fieldErrors: FieldErrors; formError?: string };

export async function changeOwnPassword({ supabase, password }: { supabase: SupabaseServerClient; password: string }): Promise<PasswordChangeOutcome> {
  const { error } = await supabase.auth.updateUser({ password });
  if (!error) return { ok: true };
  if (error.code === 'same_password') return { ok: false, fieldErrors: { password: 'Choose a password different from your current one.' } };
  if (error.code === 'weak_password') return { ok: false, fieldErrors: { password: 'Choose a stronger password: longer, and not a common one.' } };
  return { ok: false, fieldErrors: {}, formError: 'Your password could not be changed. Please try again.' };
}
