// Sending a file in a conversation (issue 17): the customer's chat and the technician's ticket page. Pick it with the
// button, drop it on the composer or paste it. The browser checks it against the bucket's limits first (so a 40 MB
// video is refused before any upload), uploads it to the conversation's folder in Storage as the signed-in person
// (staff-only files under internal/), and then asks the page's action (`intent`) to write the message that names it.
// What the customer typed goes with it as its caption.
import { useFetcher, useRouteLoaderData } from '@remix-run/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { z } from 'zod';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { attachmentPath, attachmentRefusal, ATTACHMENTS_BUCKET, describeAttachmentLimits, type AttachmentLimits } from '~/lib/shared/attachments';
import { conversationMessageSchema, type ConversationMessage } from '~/lib/shared/messages';
import type { loader as rootLoader } from '~/root';

const noCaption = () => '';

type UploadState = { state: 'idle' } | { state: 'uploading'; name: string } | { state: 'sending'; name: string } | { state: 'failed'; message: string };

/**
 * What the page's action answers (a fetcher's data arrives as plain JSON): the chat's `attach` returns the stored
 * message or `attachError`; the ticket page's actions return `ok` with a notice or a `formError`.
 */
export const attachActionResultSchema = z.union([
  z.object({ ok: z.literal(true), message: conversationMessageSchema.optional() }),
  z.object({ ok: z.literal(false), attachError: z.string().optional(), formError: z.string().optional() }),
]);

export function useAttachmentSender({
  conversationId,
  limits,
  takeCaption = noCaption,
  onSent,
  intent = 'attach',
  internal = false,
}: {
  conversationId: string;
  limits: AttachmentLimits | null;
  /** The composer's text, which becomes the file's caption (and is cleared). */
  takeCaption?: () => string;
  /** Called with the stored message when the action returns it (the chat shows it at once). */
  onSent?: (message: ConversationMessage) => void;
  /** The action's intent that writes the message. */
  intent?: string;
  /** A staff-only file, for an internal note. */
  internal?: boolean;
}) {
  const env = useRouteLoaderData<typeof rootLoader>('root')?.ENV;
  const fetcher = useFetcher();
  const [upload, setUpload] = useState<UploadState>({ state: 'idle' });
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  useEffect(() => {
    if (fetcher.state !== 'idle' || fetcher.data === undefined) return;
    const result = attachActionResultSchema.safeParse(fetcher.data);
    if (!result.success) return;
    if (result.data.ok) {
      setUpload({ state: 'idle' });
      if (result.data.message) onSentRef.current?.(result.data.message);
    } else {
      setUpload({ state: 'failed', message: result.data.attachError ?? result.data.formError ?? 'The file could not be sent.' });
    }
  }, [fetcher.state, fetcher.data]);

  const send = useCallback(
    async (file: File, { durationSeconds }: { durationSeconds?: number } = {}) => {
      if (!env || upload.state === 'uploading' || upload.state === 'sending') return;
      const refusal = limits ? attachmentRefusal(file, limits) : null;
      if (refusal) {
        setUpload({ state: 'failed', message: refusal });
        return;
      }
      setUpload({ state: 'uploading', name: file.name });
      const path = attachmentPath(conversationId, file.name, { unique: crypto.randomUUID(), internal });
      const { error } = await getSupabaseBrowserClient(env).storage.from(ATTACHMENTS_BUCKET).upload(path, file, { contentType: file.type || undefined, upsert: false });
      if (error) {
        setUpload({ state: 'failed', message: `${file.name} could not be uploaded: ${error.message}` });
        return;
      }
      setUpload({ state: 'sending', name: file.name });
      fetcher.submit({ intent, path, name: file.name, caption: takeCaption(), durationSeconds: durationSeconds === undefined ? '' : durationSeconds.toFixed(1) }, { method: 'post' });
    },
    [env, upload.state, limits, conversationId, fetcher, takeCaption, intent, internal],
  );

  return { upload, send, dismiss: () => setUpload({ state: 'idle' }) };
}

/** What an upload control shows beside its button: nothing, the file on its way, or why it failed. */
export type UploadStatus = { state: 'idle' } | { state: 'working'; text: string } | { state: 'failed'; message: string };

/**
 * A button that picks a file (a real file input under a label, so the keyboard and screen readers know it), the
 * limits it takes, and the upload's progress or its failure: one home for the chat's, the ticket page's and the
 * article editor's pickers.
 */
export function UploadControls({
  label,
  accept,
  hint,
  status,
  disabled,
  onFile,
  onDismiss,
  testId,
  errorTestId,
}: {
  label: string;
  accept: string | undefined;
  hint: string;
  status: UploadStatus;
  disabled: boolean;
  onFile: (file: File) => void;
  onDismiss?: () => void;
  testId: string;
  errorTestId: string;
}) {
  const inputId = useId();
  const hintId = useId();
  const blocked = disabled || status.state === 'working';
  return (
    <div className="attachment-controls">
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={accept}
        aria-describedby={hintId}
        disabled={blocked}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      {/* After the input, so the input's keyboard focus can show on the label that looks like the button. */}
      <label htmlFor={inputId} className={`button secondary small attach-button${blocked ? ' is-disabled' : ''}`}>
        {label}
      </label>
      <span id={hintId} className="field-hint">
        {hint}
      </span>
      {status.state === 'working' ? (
        <p className="attachment-progress" role="status">
          <progress aria-label={status.text} /> {status.text}
        </p>
      ) : null}
      {status.state === 'failed' ? (
        <p className="field-error" role="alert" data-testid={errorTestId}>
          {status.message}{' '}
          {onDismiss ? (
            <button type="button" className="button small secondary" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** The Attach button of a conversation, with the bucket's limits and the upload's progress or failure. */
export function AttachmentControls({
  limits,
  sender,
  disabled,
  label = 'Attach a file',
  testId = 'attach-input',
}: {
  limits: AttachmentLimits | null;
  sender: ReturnType<typeof useAttachmentSender>;
  disabled: boolean;
  label?: string;
  testId?: string;
}) {
  const { upload } = sender;
  const status: UploadStatus =
    upload.state === 'uploading' ? { state: 'working', text: `Uploading ${upload.name}…` }
    : upload.state === 'sending' ? { state: 'working', text: `Sending ${upload.name}…` }
    : upload.state === 'failed' ? { state: 'failed', message: upload.message }
    : { state: 'idle' };
  return (
    <UploadControls
      label={label}
      accept={limits?.allowedTypes.join(',')}
      hint={limits ? `${describeAttachmentLimits(limits)}. You can also drop or paste a file here.` : 'You can also drop or paste a file here.'}
      status={status}
      disabled={disabled}
      onFile={(file) => void sender.send(file)}
      onDismiss={sender.dismiss}
      testId={testId}
      errorTestId="attachment-error"
    />
  );
}
