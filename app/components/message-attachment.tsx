// A message's attached file, in the chat and on the desk (issue 17): a thumbnail that opens the full image, a player
// for a recording, or a link for any other file. The link is a short-lived signed URL the browser asks Storage for
// as the signed-in person, so the attachments bucket's policies decide who can open it; the server never hands
// out file links. Until the link arrives (and without script) the file's name and size show.
import { useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { ATTACHMENT_LINK_SECONDS, ATTACHMENTS_BUCKET, formatDuration, formatFileSize, type MessageAttachment } from '~/lib/shared/attachments';
import type { loader as rootLoader } from '~/root';

type Link = { state: 'loading' } | { state: 'ready'; url: string; thumbnailUrl: string } | { state: 'missing' };

/** A photo's thumbnail: Storage resizes it (at most 480 px a side), so the chat never downloads a 12 MP photo to show it small. */
const THUMBNAIL = { width: 480, height: 480, resize: 'contain' } as const;

export function MessageAttachmentView({ attachment }: { attachment: MessageAttachment }) {
  const env = useRouteLoaderData<typeof rootLoader>('root')?.ENV;
  const [link, setLink] = useState<Link>({ state: 'loading' });
  useEffect(() => {
    if (!env) return;
    let cancelled = false;
    const storage = getSupabaseBrowserClient(env).storage.from(ATTACHMENTS_BUCKET);
    const isImage = attachment.mime.startsWith('image/');
    void Promise.all([
      storage.createSignedUrl(attachment.path, ATTACHMENT_LINK_SECONDS),
      isImage ? storage.createSignedUrl(attachment.path, ATTACHMENT_LINK_SECONDS, { transform: THUMBNAIL }) : null,
    ]).then(([full, thumbnail]) => {
      if (cancelled) return;
      if (full.error || !full.data) return setLink({ state: 'missing' });
      // A thumbnail Storage cannot make (an image format it does not read) falls back to the file itself.
      setLink({ state: 'ready', url: full.data.signedUrl, thumbnailUrl: thumbnail?.data?.signedUrl ?? full.data.signedUrl });
    });
    return () => {
      cancelled = true;
    };
  }, [env, attachment.path]);

  const label = attachment.mime.startsWith('audio/') && attachment.durationSeconds !== null
    ? `Voice message · ${formatDuration(attachment.durationSeconds)}`
    : `${attachment.name} (${formatFileSize(attachment.size)})`;
  if (link.state === 'missing') {
    return (
      <p className="attachment attachment-missing" data-testid="attachment">
        {label}: this file is no longer available.
      </p>
    );
  }
  if (link.state === 'loading') {
    return (
      <p className="attachment attachment-loading" data-testid="attachment" aria-busy="true">
        {label}
      </p>
    );
  }
  if (attachment.mime.startsWith('image/')) {
    return (
      <a className="attachment attachment-image" href={link.url} target="_blank" rel="noreferrer" data-testid="attachment">
        <img src={link.thumbnailUrl} alt={attachment.name} loading="lazy" data-testid="attachment-thumbnail" />
        <span className="attachment-caption">{label}</span>
      </a>
    );
  }
  if (attachment.mime.startsWith('audio/')) {
    return (
      <figure className="attachment attachment-audio" data-testid="attachment">
        <audio controls preload="metadata" src={link.url} aria-label={label} data-testid="attachment-audio" />
        <figcaption className="attachment-caption">{label}</figcaption>
      </figure>
    );
  }
  return (
    <a className="attachment attachment-file" href={link.url} target="_blank" rel="noreferrer" data-testid="attachment">
      📎 {label}
    </a>
  );
}
