// Pieces of the admin knowledge-base pages: an article's embedding status, the live-updates indicator, and the
// article form (fields, markdown textarea with a server-rendered preview, image upload into the markdown).
import { useFetcher, useRouteLoaderData } from '@remix-run/react';
import { useRef, useState } from 'react';
import { UploadControls, type UploadStatus } from '~/components/attachment-picker';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { attachmentRefusal, describeAttachmentLimits, imageMarkdown, KB_IMAGES_BUCKET, kbImagePath, type AttachmentLimits } from '~/lib/shared/attachments';
import type { loader as rootLoader } from '~/root';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import type { FieldErrors } from '~/lib/shared/forms';
import { categoryLabel } from '~/lib/shared/help-centre';
import type { LiveStatus } from '~/lib/browser/live-conversation';
import type { ArticleInput } from '~/lib/shared/views/kb';

export interface EmbeddingStatusView {
  state: 'pending' | 'embedding' | 'embedded' | 'failed' | null;
  chunkCount: number;
  model: string | null;
  error: string | null;
  attempts: number;
}

const stateLabel = { pending: 'Pending', embedding: 'Embedding…', embedded: 'Embedded', failed: 'Failed' } as const;

export function EmbeddingStatusBadge({ status }: { status: EmbeddingStatusView }) {
  const state = status.state ?? 'pending';
  let detail: string | null = null;
  if (state === 'embedded') detail = `${status.chunkCount} ${status.chunkCount === 1 ? 'chunk' : 'chunks'}${status.model ? ` · ${status.model}` : ''}`;
  else if (state === 'failed') detail = status.error ?? 'The embedding failed.';
  else if (state === 'pending' && status.error) detail = `Retrying after: ${status.error}`;
  return (
    <span data-testid="embedding-status" data-state={state}>
      <span className={`status-pill status-${state}`}>{stateLabel[state]}</span>
      {detail ? <span className="status-detail">{detail}</span> : null}
    </span>
  );
}

export function LiveIndicator({ state }: { state: LiveStatus }) {
  const text = state === 'live' ? 'Live: statuses update by themselves.' : state === 'connecting' ? 'Connecting to live updates…' : 'Reconnecting to live updates…';
  return (
    <p className="help-excerpt" role="status" data-testid="live-state" data-state={state}>
      {text}
    </p>
  );
}

export function PublishedPill({ isPublished }: { isPublished: boolean }) {
  return <span className={`status-pill ${isPublished ? 'published-pill' : 'draft-pill'}`}>{isPublished ? 'Published' : 'Draft'}</span>;
}

/** The form shows exactly what the model saves. */
export type ArticleFormValues = ArticleInput;

export const emptyArticle: ArticleFormValues = { title: '', slug: '', category: '', solutionArea: null, vehicleContext: null, tags: [], content: '', isPublished: false };

/** The article's fields and a preview rendered by the server (the same sanitised renderer as /help). */
export function ArticleFields({
  values,
  fieldErrors,
  formError,
  facets,
  imageLimits,
}: {
  values: ArticleFormValues;
  fieldErrors: FieldErrors;
  formError?: string;
  facets: { solutionAreas: Array<{ slug: string; name: string }>; categories: string[] };
  /** The article images bucket's limits (public.upload_limits); null hides the upload. */
  imageLimits: AttachmentLimits | null;
}) {
  const [content, setContent] = useState(values.content);
  const editorRef = useRef<HTMLDivElement>(null);
  /** Puts the image's markdown where the cursor is in the article (at the end when the box was never focused). */
  const insertAtCursor = (text: string) => {
    const textarea = editorRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="content"]');
    if (!textarea) return;
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const before = textarea.value.slice(0, start);
    const block = `${before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''}${text}\n\n`;
    textarea.value = before + block + textarea.value.slice(end);
    setContent(textarea.value);
    textarea.focus();
    textarea.selectionStart = textarea.selectionEnd = start + block.length;
  };
  const preview = useFetcher<{ html?: string; error?: string }>();
  const showPreview = () => preview.submit({ content }, { method: 'post', action: '/admin/kb/preview' });
  return (
    <>
      <FormError message={formError} />
      <div className="card-grid">
        <Field name="title" label="Title" type="text" required maxLength={200} defaultValue={values.title} error={fieldErrors['title']} />
        <Field name="slug" label="Slug (URL)" type="text" maxLength={120} defaultValue={values.slug} error={fieldErrors['slug']} hint="Leave empty to make one from the title. Shown as /help/<slug>." />
        <SelectField name="category" label="Category" defaultValue={values.category} error={fieldErrors['category']}>
          <option value="">A new category (type it below)</option>
          {[...new Set([...facets.categories, ...(values.category ? [values.category] : [])])].sort().map((category) => (
            <option key={category} value={category}>
              {categoryLabel(category)}
            </option>
          ))}
        </SelectField>
        <Field name="newCategory" label="New category (optional)" type="text" maxLength={60} error={fieldErrors['newCategory']} hint="Only when none of the list fits. Used when the list says “A new category”." />
        <SelectField name="solutionArea" label="Solution area" defaultValue={values.solutionArea ?? ''} error={fieldErrors['solutionArea']}>
          <option value="">None (general)</option>
          {facets.solutionAreas.map((area) => (
            <option key={area.slug} value={area.slug}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <Field name="vehicleContext" label="Vehicle (optional)" type="text" maxLength={200} defaultValue={values.vehicleContext ?? ''} error={fieldErrors['vehicleContext']} hint="e.g. Toyota Camry 2015-2019" />
        <Field name="tags" label="Tags (optional)" type="text" maxLength={500} defaultValue={values.tags.join(', ')} error={fieldErrors['tags']} hint="Separated by commas." />
      </div>
      <div className="kb-editor">
        <div ref={editorRef}>
          <TextAreaField name="content" label="Article (markdown)" defaultValue={values.content} onChange={(event) => setContent(event.target.value)} error={fieldErrors['content']} hint="Headings, lists, links and tables (GitHub-flavoured markdown)." />
          {imageLimits ? <ArticleImageUpload limits={imageLimits} onUploaded={insertAtCursor} /> : null}
        </div>
        <section className="card kb-preview" aria-labelledby="preview-heading" aria-busy={preview.state !== 'idle'}>
          <h2 id="preview-heading">Preview</h2>
          <button type="button" className="button secondary small" onClick={showPreview} disabled={preview.state !== 'idle'}>
            {preview.state !== 'idle' ? 'Rendering…' : preview.data ? 'Refresh preview' : 'Show preview'}
          </button>
          <div aria-live="polite">
            {preview.data?.error ? <p className="field-error">{preview.data.error}</p> : null}
            {preview.data?.html !== undefined ? (
              // Sanitised by the server's renderMarkdown, as on /help.
              <div className="markdown" data-testid="preview" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
            ) : (
              <p className="help-excerpt">The preview shows the article as visitors will see it.</p>
            )}
          </div>
        </section>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" name="isPublished" defaultChecked={values.isPublished} /> Published (visible in the help centre and to the assistant)
      </label>
    </>
  );
}

/** Two-step delete: the first button asks, the second (with confirm=yes) deletes. */
/**
 * "Add an image": the picture goes to the public kb-images bucket as the signed-in admin (the bucket's policies
 * decide), and its markdown (public URL, the file's name as alternative text) into the article at the cursor.
 */
function ArticleImageUpload({ limits, onUploaded }: { limits: AttachmentLimits; onUploaded: (markdown: string) => void }) {
  const env = useRouteLoaderData<typeof rootLoader>('root')?.ENV;
  const [status, setStatus] = useState<UploadStatus>({ state: 'idle' });
  async function send(file: File) {
    if (!env) return;
    const refusal = attachmentRefusal(file, limits);
    if (refusal) return setStatus({ state: 'failed', message: refusal });
    setStatus({ state: 'working', text: `Uploading ${file.name}…` });
    const storage = getSupabaseBrowserClient(env).storage.from(KB_IMAGES_BUCKET);
    const path = kbImagePath(file.name, crypto.randomUUID());
    const { error } = await storage.upload(path, file, { contentType: file.type, upsert: false });
    if (error) return setStatus({ state: 'failed', message: `${file.name} could not be uploaded: ${error.message}` });
    setStatus({ state: 'idle' });
    onUploaded(imageMarkdown(file.name, storage.getPublicUrl(path).data.publicUrl));
  }
  return (
    <UploadControls
      label="Add an image"
      accept={limits.allowedTypes.join(',')}
      hint={`${describeAttachmentLimits(limits)}. It goes into the article where the cursor is.`}
      status={status}
      disabled={false}
      onFile={(file) => void send(file)}
      testId="kb-image-input"
      errorTestId="kb-image-error"
    />
  );
}

export function DeleteArticleButton({ articleId, title, action }: { articleId: string; title: string; action: string }) {
  const [confirming, setConfirming] = useState(false);
  const fetcher = useFetcher<{ formError?: string }>();
  if (!confirming) {
    return (
      <button type="button" className="button secondary small" onClick={() => setConfirming(true)} aria-label={`Delete ${title}`}>
        Delete
      </button>
    );
  }
  return (
    <fetcher.Form method="post" action={action} role="group" aria-label={`Confirm deleting ${title}`} className="inline-confirm">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="confirm" value="yes" />
      <span role="alert">Delete “{title}” for good?</span>{' '}
      <button type="submit" className="button danger small" autoFocus disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Deleting…' : 'Yes, delete'}
      </button>{' '}
      <button type="button" className="button secondary small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {fetcher.data?.formError ? <span className="field-error">{fetcher.data.formError}</span> : null}
    </fetcher.Form>
  );
}
