// Canned replies for the reply box: the ones the caller may see (their own and the shared ones: RLS), filled in for a
// ticket by the database (public.render_canned_reply, the one home of the variables), and a macro's actions after
// its text was sent (public.apply_canned_reply_actions: status and internal note, under the caller's policies).
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { CannedReplyOption } from '~/lib/shared/views/canned-replies';

const optionRowSchema = z.object({
  id: z.string().uuid(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  personal: z.boolean(),
  setStatus: z.string().nullable(),
  addsNote: z.boolean(),
});

export async function listCannedRepliesForTicket({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<CannedReplyOption[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select canned.id, canned.shortcut, canned.title, rendered.body, canned.owner_id is not null as personal,
        rendered.set_status as "setStatus", coalesce(length(trim(rendered.internal_note)) > 0, false) as "addsNote"
      from public.canned_replies canned
      cross join lateral public.render_canned_reply(canned.id, ${ticketId}::uuid) rendered
      order by canned.owner_id is null, canned.shortcut
      limit 200`,
  );
  return z.array(optionRowSchema).parse(rows);
}

export async function applyCannedReplyActions({ claims, cannedReplyId, ticketId }: { claims: RlsClaims; cannedReplyId: string; ticketId: string }): Promise<void> {
  await withRls(claims, (tx) => tx`select public.apply_canned_reply_actions(${cannedReplyId}::uuid, ${ticketId}::uuid)`);
}
