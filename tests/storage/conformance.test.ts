// Conformance of the local Storage service with Supabase Storage, through supabase-js's `storage` client only:
// every call the project relies on, and the errors Supabase answers with (storage-api's body shape, HTTP 400 with
// the meaningful status in `statusCode`). Authorisation comes from RLS policies on storage.objects that this file
// writes for a bucket of its own: each user may read and write the folder named after their id.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, anonClient, signedInUser } from '../local/auth/clients.ts';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

const suffix = randomUUID().slice(0, 8);
const PRIVATE_BUCKET = `conformance-private-${suffix}`;
const PUBLIC_BUCKET = `conformance-public-${suffix}`;
const LIMIT_BYTES = 64 * 1024;

const storageDir = join(testStack.SUPPORT_HUB_STATE_DIR, 'storage');

type User = Awaited<ReturnType<typeof signedInUser>>;
let alice: User;
let bob: User;
let admin: SupabaseClient;

const bytes = (size: number, fill = 7) => Buffer.alloc(size, fill);

async function textOf(result: { data: Blob | null; error: unknown }): Promise<string> {
  if (result.error) throw result.error;
  return result.data!.text();
}

/** Polls until the check holds (no fixed sleeps: the box may be loaded). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function rowOf(bucket: string, name: string) {
  const [row] = await sql<{ version: string | null; owner: string | null; metadata: Record<string, unknown> }[]>`
    select version, owner, metadata from storage.objects where bucket_id = ${bucket} and name = ${name}`;
  return row;
}

beforeAll(async () => {
  admin = adminClient();
  alice = await signedInUser();
  bob = await signedInUser();
  const created = await admin.storage.createBucket(PRIVATE_BUCKET, {
    public: false,
    fileSizeLimit: LIMIT_BYTES,
    allowedMimeTypes: ['image/*', 'text/plain', 'application/pdf'],
  });
  expect(created).toEqual({ data: { name: PRIVATE_BUCKET }, error: null });
  expect((await admin.storage.createBucket(PUBLIC_BUCKET, { public: true })).error).toBeNull();
  // Policies as a project writes them (one per command, to authenticated), limited to this file's buckets.
  for (const [command, clause] of [
    ['select', 'using'],
    ['insert', 'with check'],
    ['update', 'using'],
    ['delete', 'using'],
  ] as const) {
    await sql.unsafe(`create policy "conformance ${suffix} users ${command} their own folder" on storage.objects for ${command} to authenticated
      ${clause} (bucket_id in ('${PRIVATE_BUCKET}', '${PUBLIC_BUCKET}') and (storage.foldername(name))[1] = (select auth.uid()::text))`);
  }
});

describe('buckets', () => {
  it('creates, gets, lists, updates, empties and deletes a bucket (service role)', async () => {
    const id = `conformance-scratch-${suffix}`;
    expect((await admin.storage.createBucket(id, { public: false, fileSizeLimit: '1MB', allowedMimeTypes: ['text/plain'] })).data).toEqual({ name: id });
    const got = await admin.storage.getBucket(id);
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({ id, name: id, public: false, file_size_limit: 1_000_000, allowed_mime_types: ['text/plain'] });

    const listed = await admin.storage.listBuckets();
    expect(listed.data?.map((bucket) => bucket.id)).toEqual(expect.arrayContaining([id, PRIVATE_BUCKET, PUBLIC_BUCKET]));

    expect((await admin.storage.updateBucket(id, { public: true, fileSizeLimit: 2048, allowedMimeTypes: null })).data).toEqual({ message: 'Successfully updated' });
    expect((await admin.storage.getBucket(id)).data).toMatchObject({ public: true, file_size_limit: 2048, allowed_mime_types: null });

    expect((await admin.storage.from(id).upload('a.txt', 'x', { contentType: 'text/plain' })).error).toBeNull();
    const notEmpty = await admin.storage.deleteBucket(id);
    expect(notEmpty.error).toMatchObject({ status: 400, statusCode: '409', message: 'The bucket you tried to delete is not empty' });

    expect((await admin.storage.emptyBucket(id)).data).toEqual({ message: 'Successfully emptied' });
    expect((await admin.storage.deleteBucket(id)).data).toEqual({ message: 'Successfully deleted' });
    expect((await admin.storage.getBucket(id)).error).toMatchObject({ status: 400, statusCode: '404', message: 'Bucket not found' });
  });

  it('refuses a duplicate bucket (409) and a user without a policy on storage.buckets (403)', async () => {
    expect((await admin.storage.createBucket(PRIVATE_BUCKET)).error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
    const refused = await alice.client.storage.createBucket(`conformance-user-${suffix}`);
    expect(refused.error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    // Without a select policy on storage.buckets a user sees none.
    expect((await alice.client.storage.getBucket(PRIVATE_BUCKET)).error).toMatchObject({ statusCode: '404' });
  });
});

describe('objects', () => {
  it('uploads with content type and cache control, downloads, overwrites only with upsert', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const path = `${alice.user.id}/notes/first.txt`;
    const uploaded = await files.upload(path, 'hello storage', { contentType: 'text/plain', cacheControl: '120' });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ path, fullPath: `${PRIVATE_BUCKET}/${path}` });
    expect(uploaded.data!.id).toMatch(/^[0-9a-f-]{36}$/);

    const downloaded = await files.download(path);
    expect(await textOf(downloaded)).toBe('hello storage');
    expect(downloaded.data!.type).toBe('text/plain');

    const row = await rowOf(PRIVATE_BUCKET, path);
    expect(row).toMatchObject({ owner: alice.user.id, metadata: { size: 13, mimetype: 'text/plain', cacheControl: 'max-age=120' } });

    const again = await files.upload(path, 'second', { contentType: 'text/plain' });
    expect(again.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    expect(await textOf(await files.download(path))).toBe('hello storage');

    expect((await files.upload(path, 'second', { contentType: 'text/plain', upsert: true })).error).toBeNull();
    expect(await textOf(await files.download(path))).toBe('second');
    // The replaced version's file went with it.
    expect(existsSync(join(storageDir, 'objects', row!.version!))).toBe(false);

    const blob = new Blob([bytes(300)], { type: 'image/png' });
    expect((await files.upload(`${alice.user.id}/photo.png`, blob)).error).toBeNull();
    const photo = await files.download(`${alice.user.id}/photo.png`);
    expect(photo.data!.type).toBe('image/png');
    expect(photo.data!.size).toBe(300);

    expect((await files.update(`${alice.user.id}/photo.png`, new Blob([bytes(10)], { type: 'image/png' }))).error).toBeNull();
    expect((await files.download(`${alice.user.id}/photo.png`)).data!.size).toBe(10);

    const info = await files.info(path);
    expect(info.data).toMatchObject({ name: path, bucketId: PRIVATE_BUCKET, size: 6, contentType: 'text/plain' });
    expect((await files.exists(path)).data).toBe(true);
    expect((await files.exists(`${alice.user.id}/nothing-here.txt`)).data).toBe(false);
  });

  it('lists one level with prefix, limit, offset, search and sortBy', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const root = `${alice.user.id}/list`;
    for (const name of ['b.txt', 'a.txt', 'c.txt', 'sub/inner.txt', 'Cat.txt']) {
      expect((await files.upload(`${root}/${name}`, name, { contentType: 'text/plain' })).error).toBeNull();
    }
    const all = await files.list(root);
    expect(all.error).toBeNull();
    expect(all.data!.map((entry) => entry.name)).toEqual(['a.txt', 'b.txt', 'c.txt', 'Cat.txt', 'sub']);
    const folder = all.data!.find((entry) => entry.name === 'sub')!;
    expect(folder.id).toBeNull();
    expect(all.data!.find((entry) => entry.name === 'a.txt')).toMatchObject({ metadata: { size: 5, mimetype: 'text/plain' } });

    expect((await files.list(root, { limit: 2, offset: 1 })).data!.map((entry) => entry.name)).toEqual(['b.txt', 'c.txt']);
    expect((await files.list(root, { search: 'c' })).data!.map((entry) => entry.name)).toEqual(['c.txt', 'Cat.txt']);
    expect((await files.list(root, { sortBy: { column: 'name', order: 'desc' } })).data!.map((entry) => entry.name)).toEqual(['sub', 'Cat.txt', 'c.txt', 'b.txt', 'a.txt']);
    const byCreation = (await files.list(root, { sortBy: { column: 'created_at', order: 'asc' } })).data!.map((entry) => entry.name);
    expect(byCreation).toEqual(['sub', 'b.txt', 'a.txt', 'c.txt', 'Cat.txt']);
    expect((await files.list(`${root}/sub`)).data!.map((entry) => entry.name)).toEqual(['inner.txt']);
    // Another user's listing of the same folder is empty: RLS decides.
    expect((await bob.client.storage.from(PRIVATE_BUCKET).list(root)).data).toEqual([]);
  });

  it('moves and copies within the caller’s folder', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const from = `${alice.user.id}/move/from.txt`;
    const to = `${alice.user.id}/move/to.txt`;
    expect((await files.upload(from, 'moving', { contentType: 'text/plain' })).error).toBeNull();
    expect((await files.move(from, to)).data).toMatchObject({ message: 'Successfully moved' });
    expect((await files.download(from)).error).toMatchObject({ statusCode: '404' });
    expect(await textOf(await files.download(to))).toBe('moving');

    const copied = await files.copy(to, `${alice.user.id}/move/copy.txt`);
    expect(copied).toEqual({ data: { path: `${PRIVATE_BUCKET}/${alice.user.id}/move/copy.txt` }, error: null });
    expect(await textOf(await files.download(`${alice.user.id}/move/copy.txt`))).toBe('moving');
    // Two rows, two files: removing one leaves the other readable.
    expect((await files.remove([to])).error).toBeNull();
    expect(await textOf(await files.download(`${alice.user.id}/move/copy.txt`))).toBe('moving');

    const intoBob = await files.move(`${alice.user.id}/move/copy.txt`, `${bob.user.id}/stolen.txt`);
    expect(intoBob.error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
  });

  it('removes objects and their files; a removed object is not found', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const path = `${alice.user.id}/remove/me.txt`;
    expect((await files.upload(path, 'bye', { contentType: 'text/plain' })).error).toBeNull();
    const version = (await rowOf(PRIVATE_BUCKET, path))!.version!;
    expect(existsSync(join(storageDir, 'objects', version))).toBe(true);
    const removed = await files.remove([path, `${alice.user.id}/remove/never-existed.txt`]);
    expect(removed.error).toBeNull();
    expect(removed.data!.map((row) => row.name)).toEqual([path]);
    expect(existsSync(join(storageDir, 'objects', version))).toBe(false);
    expect(await rowOf(PRIVATE_BUCKET, path)).toBeUndefined();
    const missing = await files.download(path);
    expect(missing.error).toMatchObject({ name: 'StorageApiError', status: 400, statusCode: '404', message: 'Object not found' });
  });
});

describe('limits and authorisation', () => {
  it('refuses a file over the bucket limit (413) and leaves neither a row nor a file', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const filesBefore = readdirSync(join(storageDir, 'objects')).length;
    for (const body of [bytes(LIMIT_BYTES + 1), new Blob([bytes(LIMIT_BYTES + 1)], { type: 'image/png' })]) {
      const path = `${alice.user.id}/too-big-${randomUUID()}.png`;
      const refused = await files.upload(path, body, { contentType: 'image/png' });
      expect(refused.error).toMatchObject({ status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' });
      expect(await rowOf(PRIVATE_BUCKET, path)).toBeUndefined();
    }
    expect((await files.upload(`${alice.user.id}/exactly-at-limit.png`, bytes(LIMIT_BYTES), { contentType: 'image/png' })).error).toBeNull();
    expect(readdirSync(join(storageDir, 'objects')).length).toBe(filesBefore + 1);
    await eventually(async () => readdirSync(join(storageDir, 'tmp')).length === 0);
  });

  it('refuses a MIME type the bucket does not allow (415)', async () => {
    const path = `${alice.user.id}/script.js`;
    const refused = await alice.client.storage.from(PRIVATE_BUCKET).upload(path, 'alert(1)', { contentType: 'application/javascript' });
    expect(refused.error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type application/javascript is not supported' });
    expect(await rowOf(PRIVATE_BUCKET, path)).toBeUndefined();
  });

  it('refuses a read (not found) and a write (403) that the policies do not allow', async () => {
    const path = `${alice.user.id}/private/secret.txt`;
    expect((await alice.client.storage.from(PRIVATE_BUCKET).upload(path, 'mine', { contentType: 'text/plain' })).error).toBeNull();
    const bobFiles = bob.client.storage.from(PRIVATE_BUCKET);
    expect((await bobFiles.download(path)).error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    expect((await bobFiles.createSignedUrl(path, 60)).error).toMatchObject({ statusCode: '404' });
    expect((await anonClient().storage.from(PRIVATE_BUCKET).download(path)).error).toMatchObject({ statusCode: '404' });

    const write = await bobFiles.upload(`${alice.user.id}/private/planted.txt`, 'not yours', { contentType: 'text/plain' });
    expect(write.error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    expect(await rowOf(PRIVATE_BUCKET, `${alice.user.id}/private/planted.txt`)).toBeUndefined();
    expect((await bobFiles.upload(path, 'overwrite', { contentType: 'text/plain', upsert: true })).error).toMatchObject({ statusCode: '403' });
    expect(await textOf(await alice.client.storage.from(PRIVATE_BUCKET).download(path))).toBe('mine');
    // Removing another user's file deletes nothing.
    expect((await bobFiles.remove([path])).data).toEqual([]);
    // The service role bypasses RLS.
    expect(await textOf(await admin.storage.from(PRIVATE_BUCKET).download(path))).toBe('mine');
  });
});

describe('signed and public URLs', () => {
  it('creates signed URLs that download without a session, one or many', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const path = `${alice.user.id}/signed/report.pdf`;
    expect((await files.upload(path, bytes(42), { contentType: 'application/pdf' })).error).toBeNull();
    const signed = await files.createSignedUrl(path, 600);
    expect(signed.error).toBeNull();
    const response = await fetch(signed.data!.signedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect((await response.arrayBuffer()).byteLength).toBe(42);

    const asDownload = await files.createSignedUrl(path, 600, { download: 'my-report.pdf' });
    expect((await fetch(asDownload.data!.signedUrl)).headers.get('content-disposition')).toContain('my-report.pdf');

    const many = await files.createSignedUrls([path, `${alice.user.id}/signed/missing.pdf`], 600);
    expect(many.error).toBeNull();
    expect(many.data![0]).toMatchObject({ path, error: null });
    expect((await fetch(many.data![0]!.signedUrl!)).status).toBe(200);
    expect(many.data![1]).toMatchObject({ path: `${alice.user.id}/signed/missing.pdf`, error: 'Either the object does not exist or you do not have access to it', signedUrl: null });
  });

  it('refuses a tampered or expired signed URL with Supabase’s InvalidJWT error', async () => {
    const files = alice.client.storage.from(PRIVATE_BUCKET);
    const path = `${alice.user.id}/signed/short-lived.txt`;
    expect((await files.upload(path, 'soon gone', { contentType: 'text/plain' })).error).toBeNull();

    const { data } = await files.createSignedUrl(path, 3600);
    const url = new URL(data!.signedUrl);
    const [header, payload, signature] = url.searchParams.get('token')!.split('.');
    // The signature's first character carries six real bits (its last one may carry padding bits only).
    const tamperedSignature = `${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    url.searchParams.set('token', `${header}.${payload}.${tamperedSignature}`);
    const tampered = await fetch(url);
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toEqual({ statusCode: '400', code: 'InvalidJWT', error: 'InvalidJWT', message: 'signature verification failed' });

    // A token for one object does not open another.
    const other = new URL(data!.signedUrl.replace('short-lived.txt', 'photo.png'));
    expect(await (await fetch(other)).json()).toMatchObject({ statusCode: '400', code: 'InvalidSignature' });

    const shortLived = await files.createSignedUrl(path, 1);
    let expired: unknown;
    await eventually(async () => {
      const response = await fetch(shortLived.data!.signedUrl);
      if (response.status === 200) return false;
      expired = { status: response.status, body: await response.json() };
      return true;
    });
    expect(expired).toEqual({ status: 400, body: { statusCode: '400', code: 'InvalidJWT', error: 'InvalidJWT', message: '"exp" claim timestamp check failed' } });
  });

  it('uploads to a signed upload URL without a session, as the user who signed it', async () => {
    const path = `${alice.user.id}/signed-upload/from-anywhere.txt`;
    const signed = await alice.client.storage.from(PRIVATE_BUCKET).createSignedUploadUrl(path);
    expect(signed.error).toBeNull();
    expect(signed.data).toMatchObject({ path, token: expect.any(String), signedUrl: expect.stringContaining('/object/upload/sign/') });

    const uploaded = await anonClient().storage.from(PRIVATE_BUCKET).uploadToSignedUrl(path, signed.data!.token, 'sent with a token', { contentType: 'text/plain' });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ path, fullPath: `${PRIVATE_BUCKET}/${path}` });
    expect(await textOf(await alice.client.storage.from(PRIVATE_BUCKET).download(path))).toBe('sent with a token');
    expect((await rowOf(PRIVATE_BUCKET, path))!.owner).toBe(alice.user.id);

    // Without upsert the token cannot overwrite; it cannot be used for another object; bob cannot sign alice's folder.
    const again = await anonClient().storage.from(PRIVATE_BUCKET).uploadToSignedUrl(path, signed.data!.token, 'again', { contentType: 'text/plain' });
    expect(again.error).toMatchObject({ statusCode: '409' });
    const elsewhere = await anonClient().storage.from(PRIVATE_BUCKET).uploadToSignedUrl(`${alice.user.id}/elsewhere.txt`, signed.data!.token, 'x', { contentType: 'text/plain' });
    expect(elsewhere.error).toMatchObject({ statusCode: '400', message: 'Invalid signature' });
    expect((await bob.client.storage.from(PRIVATE_BUCKET).createSignedUploadUrl(`${alice.user.id}/by-bob.txt`)).error).toMatchObject({ statusCode: '403' });
  });

  it('serves public buckets at getPublicUrl, and never a private one', async () => {
    const path = `${alice.user.id}/public/logo.png`;
    expect((await alice.client.storage.from(PUBLIC_BUCKET).upload(path, bytes(16), { contentType: 'image/png' })).error).toBeNull();
    const { data } = alice.client.storage.from(PUBLIC_BUCKET).getPublicUrl(path);
    expect(data.publicUrl).toBe(`${testStack.SUPABASE_URL}/storage/v1/object/public/${PUBLIC_BUCKET}/${path}`);
    const response = await fetch(data.publicUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');

    const privatePath = `${alice.user.id}/private/secret.txt`;
    const privateUrl = alice.client.storage.from(PRIVATE_BUCKET).getPublicUrl(privatePath).data.publicUrl;
    const refused = await fetch(privateUrl);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ statusCode: '404', code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' });
  });
});

describe('image transformations', () => {
  // A 40×20 PNG, so each resize mode gives a different size.
  const picture = () => sharp({ create: { width: 40, height: 20, channels: 3, background: '#1a65d6' } }).png().toBuffer();
  const sizeOf = async (body: ArrayBuffer | Blob) => {
    const { width, height, format } = await sharp(Buffer.from(body instanceof Blob ? await body.arrayBuffer() : body)).metadata();
    return { width, height, format };
  };
  let path: string;
  beforeAll(async () => {
    path = `${alice.user.id}/images/banner.png`;
    expect((await alice.client.storage.from(PRIVATE_BUCKET).upload(path, await picture(), { contentType: 'image/png' })).error).toBeNull();
    expect((await alice.client.storage.from(PUBLIC_BUCKET).upload(path, await picture(), { contentType: 'image/png' })).error).toBeNull();
  });

  it('downloads a resized image: cover crops to the box, contain fits inside it, fill stretches', async () => {
    const storage = alice.client.storage.from(PRIVATE_BUCKET);
    const cover = await storage.download(path, { transform: { width: 10, height: 10 } });
    expect(cover.error).toBeNull();
    expect(await sizeOf(cover.data!)).toEqual({ width: 10, height: 10, format: 'png' });
    expect(await sizeOf((await storage.download(path, { transform: { width: 10, height: 10, resize: 'contain' } })).data!)).toEqual({ width: 10, height: 5, format: 'png' });
    expect(await sizeOf((await storage.download(path, { transform: { width: 10, height: 10, resize: 'fill' } })).data!)).toEqual({ width: 10, height: 10, format: 'png' });
    expect(await sizeOf((await storage.download(path, { transform: { width: 20 } })).data!)).toEqual({ width: 20, height: 10, format: 'png' });
  });

  it('serves a transformed public image at getPublicUrl, and a signed one whose options the URL cannot change', async () => {
    const publicUrl = alice.client.storage.from(PUBLIC_BUCKET).getPublicUrl(path, { transform: { width: 8, height: 4 } }).data.publicUrl;
    expect(publicUrl).toContain('/storage/v1/render/image/public/');
    const publicResponse = await fetch(publicUrl);
    expect(publicResponse.status).toBe(200);
    expect(await sizeOf(await publicResponse.arrayBuffer())).toEqual({ width: 8, height: 4, format: 'png' });

    const signed = await alice.client.storage.from(PRIVATE_BUCKET).createSignedUrl(path, 60, { transform: { width: 6, height: 6 } });
    expect(signed.error).toBeNull();
    expect(signed.data!.signedUrl).toContain('/storage/v1/render/image/sign/');
    const widened = await fetch(`${signed.data!.signedUrl}&width=40&height=20`);
    expect(widened.status).toBe(200);
    expect(await sizeOf(await widened.arrayBuffer())).toEqual({ width: 6, height: 6, format: 'png' });
    // A plain signed link cannot be used for the render route.
    const plain = await alice.client.storage.from(PRIVATE_BUCKET).createSignedUrl(path, 60);
    const misused = await fetch(plain.data!.signedUrl.replace('/object/sign/', '/render/image/sign/'));
    expect(misused.status).toBe(400);
  });

  it('refuses options out of range, a file that is not an image, and a reader the policies refuse', async () => {
    const storage = alice.client.storage.from(PRIVATE_BUCKET);
    const tooWide = await storage.download(path, { transform: { width: 5000 } });
    expect(tooWide.data).toBeNull();
    expect(tooWide.error).not.toBeNull();
    const textPath = `${alice.user.id}/images/notes.txt`;
    expect((await storage.upload(textPath, Buffer.from('not a picture'), { contentType: 'text/plain' })).error).toBeNull();
    const notImage = await fetch(`${testStack.SUPABASE_URL}/storage/v1/render/image/authenticated/${PRIVATE_BUCKET}/${textPath}?width=10`, {
      headers: { Authorization: `Bearer ${alice.session.access_token}`, apikey: testStack.SUPABASE_ANON_KEY },
    });
    expect(notImage.status).toBe(400);
    expect(await notImage.json()).toMatchObject({ code: 'InvalidRequest', message: 'The object is not an image that can be transformed' });
    const forbidden = await bob.client.storage.from(PRIVATE_BUCKET).download(path, { transform: { width: 10 } });
    expect(forbidden.data).toBeNull();
    expect(forbidden.error).not.toBeNull();
  });
});

describe('interrupted uploads', () => {
  it('leaves neither a row nor a file when the client stops mid-upload', async () => {
    const path = `${alice.user.id}/interrupted.png`;
    const controller = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(stream) {
        if (sent >= 8 * 1024) {
          // Half the file is out: the client gives up.
          controller.abort();
          return;
        }
        sent += 4 * 1024;
        stream.enqueue(new Uint8Array(4 * 1024));
      },
    });
    const client = anonClient(testStack.SUPABASE_URL, {
      global: {
        headers: { Authorization: `Bearer ${alice.session.access_token}` },
        fetch: (input, init) => fetch(input, { ...init, signal: controller.signal }),
      },
    });
    const result = await client.storage.from(PRIVATE_BUCKET).upload(path, body, { contentType: 'image/png' }).catch((error: unknown) => ({ error }));
    expect(result.error).toBeTruthy();
    await eventually(async () => readdirSync(join(storageDir, 'tmp')).length === 0);
    expect(await rowOf(PRIVATE_BUCKET, path)).toBeUndefined();
  });
});
