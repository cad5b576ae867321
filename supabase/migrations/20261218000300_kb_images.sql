-- Images in help articles (issue 17): admins upload pictures to the public `kb-images` bucket from the article
-- editor and the article's markdown links them by their public URL, so /help shows them to every visitor without a
-- signed link. Public means anyone may read a file by its URL (Storage serves public buckets without asking RLS);
-- writing and removing stay with admins.
--
-- storage.objects keeps one permissive policy per role and command (the advisors' multiple_permissive_policies), so
-- the attachments policies of 20261208050000 are replaced by policies that cover both buckets, each bucket's rule
-- unchanged.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('kb-images', 'kb-images', true, 5 * 1024 * 1024, array['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

drop policy "People can read the attachments of conversations they may see" on storage.objects;
drop policy "People can attach files to conversations they take part in" on storage.objects;
drop policy "People can remove the attachments they uploaded" on storage.objects;

create policy "People can read the attachments they may see, admins the article images"
  on storage.objects for select to authenticated
  using (
    (bucket_id = 'attachments' and private.can_access_attachment(name))
    or (bucket_id = 'kb-images' and (select private.is_admin()))
  );

create policy "People can attach files to their conversations, admins add article images"
  on storage.objects for insert to authenticated
  with check (
    (bucket_id = 'attachments' and private.can_access_attachment(name))
    or (bucket_id = 'kb-images' and (select private.is_admin()))
  );

create policy "People can remove the attachments they uploaded, admins article images"
  on storage.objects for delete to authenticated
  using (
    (bucket_id = 'attachments' and owner_id = (select auth.uid())::text and private.can_access_attachment(name))
    or (bucket_id = 'kb-images' and (select private.is_admin()))
  );
