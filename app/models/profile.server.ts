// The signed-in user's profile (public.profiles). Every function runs inside withRls, so the
// "Users can update their own profile" policy — not a where clause here — decides what changes.
import { withRls, type RlsClaims } from '~/lib/server/db.server';

export async function updateOwnProfileName({ claims, fullName }: { claims: RlsClaims; fullName: string }): Promise<boolean> {
  const updated = await withRls(claims, (tx) => tx`update public.profiles set full_name = ${fullName} where id = (select auth.uid()) returning id`);
  return updated.length === 1;
}
