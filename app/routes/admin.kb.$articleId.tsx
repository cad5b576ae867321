// /admin/kb/<id>: edit an article (markdown with preview), publish or unpublish it, delete it; its embedding
// status updates live while the worker embeds the saved text.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { FormNotice, useFocusFirstInvalid } from '~/components/form';
import { ArticleFields, DeleteArticleButton, EmbeddingStatusBadge, LiveIndicator, PublishedPill } from '~/components/kb-admin';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { articleFormSchema } from '~/lib/shared/kb-article-schema';
import { useLiveKnowledgeBase } from '~/lib/browser/use-live-knowledge-base';
import { getArticleFacets, getArticleForAdmin, updateArticle } from '~/models/kb.server';
import { KB_IMAGES_BUCKET } from '~/lib/shared/attachments';
import { loadUploadLimits } from '~/models/upload-limits.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: `${loaded?.article.title ?? 'Article'} · Admin · Support Hub` }];

const articleIdSchema = z.string().uuid();

type EditResult = { fieldErrors: FieldErrors; formError?: string; notice?: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const id = articleIdSchema.safeParse(params['articleId']);
  const article = id.success ? await getArticleForAdmin({ claims, id: id.data }) : null;
  if (!article) throw new Response('Article not found', { status: 404, statusText: 'Not Found', headers });
  return data({ article, facets: await getArticleFacets({ claims }), imageLimits: await loadUploadLimits({ claims, bucket: KB_IMAGES_BUCKET }) }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const id = articleIdSchema.safeParse(params['articleId']);
  if (!id.success) throw new Response('Article not found', { status: 404, statusText: 'Not Found', headers });
  const form = parseForm(articleFormSchema, await request.formData());
  if (!form.success) return data<EditResult>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  try {
    const saved = await updateArticle({ claims, id: id.data, input: form.data });
    if (!saved) return data<EditResult>({ fieldErrors: {}, formError: 'This article was deleted meanwhile.' }, { status: 404, headers });
  } catch (error) {
    const refusal = translateDatabaseError(error);
    if (!refusal) throw error;
    return data<EditResult>(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : { fieldErrors: {}, formError: refusal.message }, { status: refusal.status, headers });
  }
  return data<EditResult>({ fieldErrors: {}, notice: 'Saved.' }, { headers });
}

export default function EditArticle() {
  const { article, facets, imageLimits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const live = useLiveKnowledgeBase(`admin-kb-article:${article.id}`);
  const formRef = useFocusFirstInvalid(actionData);
  const saving = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post' && navigation.formAction?.startsWith(`/admin/kb/${article.id}`);
  return (
    <>
      <p>
        <Link to="/admin/kb">← Knowledge base</Link>
      </p>
      <div className="page-heading">
        <h1>{article.title}</h1>
        <PublishedPill isPublished={article.isPublished} />
      </div>
      <p>
        Embedding: <EmbeddingStatusBadge status={article.embedding} />
        {article.isPublished ? (
          <>
            {' · '}
            <Link to={`/help/${article.slug}`}>View in the help centre</Link>
          </>
        ) : null}
      </p>
      <LiveIndicator state={live} />
      <FormNotice message={actionData?.notice ?? (searchParams.get('created') ? 'Article created. Its embedding is queued.' : undefined)} />
      {/* A fresh key after each save or live reload keeps the fields in step with the stored article. */}
      <Form method="post" className="form" ref={formRef} aria-label="Edit article" noValidate key={article.updatedAt}>
        <ArticleFields values={article} fieldErrors={actionData?.fieldErrors ?? {}} formError={actionData?.formError} facets={facets} imageLimits={imageLimits} />
        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </Form>
      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this article</h2>
        <p className="help-excerpt">It leaves the help centre and the assistant's knowledge at once. This cannot be undone.</p>
        <DeleteArticleButton articleId={article.id} title={article.title} action="/admin/kb?index" />
      </section>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Article not found', message: 'It may have been deleted. Go back to the knowledge base to see every article.' } },
  response: 'The article could not be shown.',
  unexpected: { title: 'The editor is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
