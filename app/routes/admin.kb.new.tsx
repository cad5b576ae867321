// /admin/kb/new: write an article. Saving queues its embedding (trigger); the editor then shows it live.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError } from '@remix-run/react';
import { ErrorPanel } from '~/components/app-shell';
import { useFocusFirstInvalid } from '~/components/form';
import { ArticleFields, emptyArticle } from '~/components/kb-admin';
import { requireUser } from '~/lib/auth.server';
import { parseForm, type FieldErrors } from '~/lib/forms';
import { articleFormSchema } from '~/lib/kb-article-schema';
import { ArticleFieldError, createArticle, getArticleFacets } from '~/models/kb.server';

export const meta: MetaFunction = () => [{ title: 'New article · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  return data({ facets: await getArticleFacets({ claims }) }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const form = parseForm(articleFormSchema, await request.formData());
  if (!form.success) return data<{ fieldErrors: FieldErrors }>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  try {
    const id = await createArticle({ claims, input: form.data });
    throw redirect(`/admin/kb/${id}?created=1`, { headers });
  } catch (error) {
    if (error instanceof ArticleFieldError) return data<{ fieldErrors: FieldErrors }>({ fieldErrors: { [error.field]: error.message } }, { status: 400, headers });
    throw error;
  }
}

export default function NewArticle() {
  const { facets } = useLoaderData<typeof loader>();
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
        <ArticleFields values={emptyArticle} fieldErrors={actionData?.fieldErrors ?? {}} facets={facets} />
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save article'}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? (
    <ErrorPanel title={`${error.status} ${error.statusText}`} message="The article could not be created." />
  ) : (
    <ErrorPanel title="The editor is unavailable" message="Something went wrong on our side. Please try again in a moment." />
  );
}
