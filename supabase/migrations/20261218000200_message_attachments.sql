-- Attachments in messages (issue 17): a message can carry one file of the `attachments` bucket (a photo of a warning
-- light, a PDF of an invoice). The browser uploads the file to Storage first (authorised by the bucket's policies,
-- 20261208050000) and then writes the message with the object's path and the name the customer sees.
--
-- The database decides the rest, whoever writes the message (the app, Studio, an import):
--   - the object must exist in the attachments bucket, in this conversation's folder;
--   - a file under <conversation_id>/internal/ only on an internal note, and an internal note's file only there, so a
--     customer-visible message never points at a staff-only file;
--   - the message's type (image, voice, file), and the attachment's size and content type, come from the stored object,
--     never from what the writer claims; only a recording's length (duration_seconds, which Storage does not know) is
--     the writer's, kept for audio only and refused outside 0 to 3,600 seconds;
--   - a message of type image or file without an attachment is refused (a voice message may be a call's transcript
--     whose recording was not kept, as in the seed);
--   - an attachment without a caption reads as the file's name (messages.content is never empty).
-- The checks run when an attachment is written or changed, not when a message moves: merge_tickets moves a duplicate's
-- messages into the survivor's conversation, and their files stay where they were uploaded.
-- public.upload_limits(bucket) hands a bucket's own limits to the page that uploads to it (the chat's composer, the
-- article editor), so the app states them before an upload without a second copy of them.

/** Before-write trigger on messages: checks a message's attachment against Storage and fills its type, size, content type and (without a caption) content. */
create function private.check_message_attachment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  attachment jsonb := new.metadata -> 'attachment';
  object_path text;
  display_name text;
  stored record;
  in_internal_folder boolean;
  duration numeric;
begin
  if tg_op = 'UPDATE' and attachment is not distinct from old.metadata -> 'attachment'
     and new.type = old.type and new.is_internal_note = old.is_internal_note then
    return new;
  end if;
  if attachment is null or jsonb_typeof(attachment) = 'null' then
    if new.type in ('image', 'file') then
      raise exception 'A message of type % needs its attachment.', new.type using errcode = '23514';
    end if;
    return new;
  end if;
  if jsonb_typeof(attachment) <> 'object' or jsonb_typeof(attachment -> 'path') <> 'string' then
    raise exception 'An attachment needs the path of its uploaded file.' using errcode = '23514';
  end if;
  object_path := attachment ->> 'path';
  display_name := coalesce(nullif(btrim(attachment ->> 'name'), ''), storage.filename(object_path));
  if length(display_name) > 255 then
    raise exception 'An attachment''s name can have at most 255 characters.' using errcode = '23514';
  end if;
  if private.attachment_conversation_id(object_path) is distinct from new.conversation_id then
    raise exception 'An attachment must be a file of this conversation.' using errcode = '23514';
  end if;
  in_internal_folder := (storage.foldername(object_path))[2] is not distinct from 'internal';
  if in_internal_folder and not new.is_internal_note then
    raise exception 'A staff-only file can only be attached to an internal note.' using errcode = '23514';
  end if;
  if new.is_internal_note and not in_internal_folder then
    raise exception 'An internal note''s file must be uploaded as staff-only.' using errcode = '23514';
  end if;
  select object.metadata into stored from storage.objects object where object.bucket_id = 'attachments' and object.name = object_path;
  if not found then
    raise exception 'That file was not uploaded (or was removed); attach it again.' using errcode = '23514';
  end if;
  if jsonb_typeof(attachment -> 'duration_seconds') = 'number' and stored.metadata ->> 'mimetype' like 'audio/%' then
    duration := (attachment ->> 'duration_seconds')::numeric;
    if duration < 0 or duration > 3600 then
      raise exception 'A voice message can be at most an hour long.' using errcode = '23514';
    end if;
  end if;
  new.metadata := new.metadata || jsonb_build_object('attachment', jsonb_strip_nulls(jsonb_build_object(
    'path', object_path,
    'name', display_name,
    'size', coalesce((stored.metadata ->> 'size')::bigint, 0),
    'mime', coalesce(stored.metadata ->> 'mimetype', 'application/octet-stream'),
    'duration_seconds', round(duration, 1)
  )));
  new.type := case
    when stored.metadata ->> 'mimetype' like 'image/%' then 'image'
    when stored.metadata ->> 'mimetype' like 'audio/%' then 'voice'
    else 'file'
  end::public.message_type;
  if btrim(new.content) = '' then
    new.content := display_name;
  end if;
  return new;
end;
$$;
comment on function private.check_message_attachment() is
  'Before-write trigger on messages: an attachment is an object of this conversation in the attachments bucket (staff-only files only on internal notes); its type, size and content type come from Storage, and without a caption the message reads as the file''s name. A message moving to another conversation (a merge) is not checked again.';
create trigger check_message_attachment before insert or update of metadata, type, is_internal_note on public.messages
  for each row execute function private.check_message_attachment();

/** A bucket's limits, for the page that uploads to it to show before an upload (the bucket row is their one home). */
create function public.upload_limits(bucket text)
returns table (max_bytes bigint, allowed_types text[])
language sql
stable
security definer
set search_path = ''
as $$
  -- Only the buckets the app uploads to; other buckets' settings are nobody's business.
  select bucket_row.file_size_limit, bucket_row.allowed_mime_types
  from storage.buckets bucket_row
  where bucket_row.id = upload_limits.bucket and bucket_row.id in ('attachments', 'kb-images')
$$;
comment on function public.upload_limits(text) is 'The size limit and allowed content types of an upload bucket (attachments, kb-images): what the composer and the article editor state before an upload.';
revoke execute on function public.upload_limits(text) from public, anon;
grant execute on function public.upload_limits(text) to authenticated;
