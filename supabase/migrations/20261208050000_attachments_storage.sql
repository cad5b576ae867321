-- Attachments (issue 17): the private `attachments` bucket for the files of chats and tickets, and who may read and
-- write them. Paths are `<conversation_id>/<file>`; staff-only files (internal notes) are `<conversation_id>/internal/<file>`.
-- Storage itself has no rule of its own: these policies on storage.objects are the whole authorisation (decision 0025).

------------------------------------------------------------------------------
-- Buckets
------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values (
  'attachments', 'attachments', false, 25 * 1024 * 1024,
  array['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf', 'text/plain',
        'audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav']
)
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------
/** The conversation an attachment belongs to: its path's first folder, or null when that is not a conversation id. */
create or replace function private.attachment_conversation_id(object_name text)
returns uuid
language plpgsql
immutable
set search_path = ''
as $$
declare
  folder text := (storage.foldername(object_name))[1];
begin
  if folder ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return folder::uuid;
  end if;
  return null;
end;
$$;
comment on function private.attachment_conversation_id(text) is 'The conversation id an attachments path starts with (<conversation_id>/…), or null for any other path.';

/** Whether the caller may read or add an attachment: the conversation's customer (never internal files), or staff who see the conversation. */
create or replace function private.can_access_attachment(object_name text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.staff_can_see_conversation(private.attachment_conversation_id(object_name))
      or ((storage.foldername(object_name))[2] is distinct from 'internal'
          and private.owns_conversation(private.attachment_conversation_id(object_name)))
$$;
comment on function private.can_access_attachment(text) is 'True for the conversation''s customer (except <conversation_id>/internal/…) and for staff who can see the conversation.';

revoke execute on function private.attachment_conversation_id(text) from public;
revoke execute on function private.can_access_attachment(text) from public;
grant execute on function private.attachment_conversation_id(text) to authenticated;
grant execute on function private.can_access_attachment(text) to authenticated;

------------------------------------------------------------------------------
-- Policies
------------------------------------------------------------------------------
create policy "People can read the attachments of conversations they may see"
  on storage.objects for select to authenticated
  using (bucket_id = 'attachments' and private.can_access_attachment(name));

create policy "People can attach files to conversations they take part in"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'attachments' and private.can_access_attachment(name));

create policy "People can remove the attachments they uploaded"
  on storage.objects for delete to authenticated
  using (bucket_id = 'attachments' and owner_id = (select auth.uid())::text and private.can_access_attachment(name));
