// /admin/kb/new: write an article. Saving queues its embedding (trigger); the editor then shows it live.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useFocusFirstInvalid } from '~/components/form';
import { ArticleFields, emptyArticle } from '~/components/kb-admin';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { articleFormSchema } from '~/lib/shared/kb-article-schema';
import { createArticle, getArticleFacets } from '~/models/kb.server';
import { KB_IMAGES_BUCKET } from '~/lib/shared/attachments';
import { loadUploadLimits } from '~/models/upload-limits.server';

export const meta: MetaFunction = () => [{ title: 'New article · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  return data({ facets: await getArticleFacets({ claims }), imageLimits: await loadUploadLimits({ claims, bucket: KB_IMAGES_BUCKET }) }, { headers });
}

type CreateResult = { fieldErrors: FieldErrors; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const form = parseForm(articleFormSchema, await request.formData());
  if (!form.success) return data<CreateResult>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  try {
    const id = await createArticle({ claims, input: form.data });
    throw redirect(`/admin/kb/${id}?created=1`, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    const refusal = translateDatabaseError(error);
    if (!refusal) throw error;
    return data<CreateResult>(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : { fieldErrors: {}, formError: refusal.message }, { status: refusal.status, headers });
  }
}

export default function NewArticle() {
  const { facets, imageLimits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const saving = navigation.state === 'submitting';
  return (
    <>
      <p>
        <Link to="/admin/kb">← Knowledge base</Link>
      </p>
      <h1>New article</h1>
      <Form method="post" className="form" ref={formRef} aria-label="New article" noValidate>
        <ArticleFields values={emptyArticle} fieldErrors={actionData?.fieldErrors ?? {}} formError={actionData?.formError} facets={facets} imageLimits={imageLimits} />
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save article'}
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The article could not be created.',
  unexpected: { title: 'The editor is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
