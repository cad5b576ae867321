// Pieces of the admin knowledge-base pages: an article's embedding status, the live-updates indicator, and the
// article form (fields, markdown textarea with a server-rendered preview).
import { useFetcher } from '@remix-run/react';
import { useState } from 'react';
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
}: {
  values: ArticleFormValues;
  fieldErrors: FieldErrors;
  formError?: string;
  facets: { solutionAreas: Array<{ slug: string; name: string }>; categories: string[] };
}) {
  const [content, setContent] = useState(values.content);
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
        <TextAreaField name="content" label="Article (markdown)" defaultValue={values.content} onChange={(event) => setContent(event.target.value)} error={fieldErrors['content']} hint="Headings, lists, links and tables (GitHub-flavoured markdown)." />
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
