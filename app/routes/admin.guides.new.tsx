// Admin: write a new guide; its steps are added on the guide's own page next.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FormError, useFocusFirstInvalid } from '~/components/form';
import { GuideFields } from '~/components/guide-form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { guideFieldConstraints, guideFormSchema } from '~/lib/shared/guide-form';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { createGuide } from '~/models/guides.server';
import { listSolutionAreas } from '~/models/solution-areas.server';

export const meta: MetaFunction = () => [{ title: 'New guide · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  return data({ solutionAreas: await listSolutionAreas({ claims }) }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const form = parseForm(guideFormSchema, await request.formData());
  if (!form.success) return data<{ fieldErrors: FieldErrors; formError?: string }>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  let guideId: string | null;
  try {
    guideId = await createGuide({ claims, fields: form.data });
  } catch (error) {
    const refusal = translateDatabaseError(error, { fields: guideFieldConstraints });
    if (!refusal || refusal.code === 'unavailable') throw error;
    return data<{ fieldErrors: FieldErrors; formError?: string }>(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : { fieldErrors: {}, formError: refusal.message }, { status: refusal.status, headers });
  }
  if (!guideId) return data<{ fieldErrors: FieldErrors; formError?: string }>({ fieldErrors: { slug: 'Another guide uses this slug.' } }, { status: 400, headers });
  return redirect(`/admin/guides/${guideId}`, { headers });
}

export default function NewGuide() {
  const { solutionAreas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(result);
  return (
    <div className="admin-guides troubleshoot">
      <p className="troubleshoot-back">
        <Link to="/admin/guides">← All guides</Link>
      </p>
      <h1>New guide</h1>
      <Form method="post" className="card form" ref={formRef} aria-label="New guide">
        <FormError message={result?.formError} />
        <GuideFields solutionAreas={solutionAreas} errors={result?.fieldErrors ?? {}} />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? 'Creating…' : 'Create guide'}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The new-guide page could not be shown.',
  unexpected: { title: 'Guides are unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
