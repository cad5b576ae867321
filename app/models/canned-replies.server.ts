// Canned replies for the reply box: the ones the caller may see (their own and the shared ones: RLS), filled in for a
// ticket by the database (public.render_canned_reply, the one home of the variables), and a macro's actions after
// its text was sent (public.apply_canned_reply_actions: status and internal note, under the caller's policies).
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { CannedReplyAdminView, CannedReplyForm } from '~/lib/shared/canned-reply-form';
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

// ---------------------------------------------------------------------------------------------------------------
// /admin/canned-replies: the list an admin manages (the shared ones and their own; the policies hide everyone
// else's personal ones) and its writes. A write the policies refuse matches no row or raises 42501.
// ---------------------------------------------------------------------------------------------------------------
const adminRowSchema = z.object({
  id: z.string().uuid(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  scope: z.enum(['shared', 'personal']),
  setStatus: z.string().nullable(),
  internalNote: z.string().nullable(),
  updatedAt: z.string(),
});

export async function listCannedRepliesToManage({ claims }: { claims: RlsClaims }): Promise<CannedReplyAdminView[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select id, shortcut, title, body, case when owner_id is null then 'shared' else 'personal' end as scope,
        set_status::text as "setStatus", internal_note as "internalNote", updated_at::text as "updatedAt"
      from public.canned_replies
      order by owner_id is not null, shortcut`,
  );
  return z.array(adminRowSchema).parse(rows);
}

/**
 * The {{...}} variables the database leaves unfilled in these texts (misspelt or unknown), asked of the one filling
 * home, private.fill_canned_reply_variables, with a value for every variable it knows.
 */
export async function unknownCannedReplyVariables({ claims, texts }: { claims: RlsClaims; texts: string[] }): Promise<string[]> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      select distinct found.variable[1] as variable
      from unnest(${texts}::text[]) text_to_fill
      cross join lateral regexp_matches(private.fill_canned_reply_variables(text_to_fill, 'n', 's', 'c', 't'), '([{][{][^}]*[}][}])', 'g') as found(variable)
      order by 1`,
  );
  return z.array(z.object({ variable: z.string() })).parse(rows).map((row) => row.variable);
}

/** Creates a canned reply: shared (owner null, admins only) or the caller's own. */
export async function createCannedReply({ claims, fields }: { claims: RlsClaims; fields: CannedReplyForm }): Promise<string> {
  const [row] = await withRls(
    claims,
    (tx) => tx`
      insert into public.canned_replies (shortcut, title, body, owner_id, set_status, internal_note)
      values (${fields.shortcut}, ${fields.title}, ${fields.body}, case when ${fields.scope} = 'personal' then (select auth.uid()) end,
        ${fields.setStatus}::public.ticket_status, ${fields.internalNote})
      returning id`,
  );
  return z.object({ id: z.string().uuid() }).parse(row).id;
}

/** Saves a canned reply; false when the caller may not change it (or it is gone). */
export async function updateCannedReply({ claims, cannedReplyId, fields }: { claims: RlsClaims; cannedReplyId: string; fields: CannedReplyForm }): Promise<boolean> {
  const rows = await withRls(
    claims,
    (tx) => tx`
      update public.canned_replies set shortcut = ${fields.shortcut}, title = ${fields.title}, body = ${fields.body},
        owner_id = case when ${fields.scope} = 'personal' then (select auth.uid()) end,
        set_status = ${fields.setStatus}::public.ticket_status, internal_note = ${fields.internalNote}
      where id = ${cannedReplyId}::uuid
      returning id`,
  );
  return rows.length === 1;
}

/** Deletes a canned reply; false when the caller may not (or it is gone). */
export async function deleteCannedReply({ claims, cannedReplyId }: { claims: RlsClaims; cannedReplyId: string }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`delete from public.canned_replies where id = ${cannedReplyId}::uuid returning id`);
  return rows.length === 1;
}
