// A message's attached file, in the chat and on the desk (issue 17): a thumbnail that opens the full image, a player
// for a recording, or a link for any other file. The link is a short-lived signed URL the browser asks Storage for
// as the signed-in person, so the attachments bucket's policies decide who can open it; the server never hands
// out file links. Until the link arrives (and without script) the file's name and size show.
import { useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { ATTACHMENT_LINK_SECONDS, ATTACHMENTS_BUCKET, formatDuration, formatFileSize, type MessageAttachment } from '~/lib/shared/attachments';
import type { loader as rootLoader } from '~/root';

type Link = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'missing' };

export function MessageAttachmentView({ attachment }: { attachment: MessageAttachment }) {
  const env = useRouteLoaderData<typeof rootLoader>('root')?.ENV;
  const [link, setLink] = useState<Link>({ state: 'loading' });
  useEffect(() => {
    if (!env) return;
    let cancelled = false;
    void getSupabaseBrowserClient(env)
      .storage.from(ATTACHMENTS_BUCKET)
      .createSignedUrl(attachment.path, ATTACHMENT_LINK_SECONDS)
      .then(({ data, error }) => {
        if (!cancelled) setLink(error || !data ? { state: 'missing' } : { state: 'ready', url: data.signedUrl });
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
        <img src={link.url} alt={attachment.name} loading="lazy" data-testid="attachment-thumbnail" />
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
