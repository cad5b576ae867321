// Choosing a new password, once a recovery or invitation link (app/routes/auth.confirm.tsx) has signed the user in.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FormError, useFocusFirstInvalid } from '~/components/form';
import { NewPasswordFields } from '~/components/new-password-fields';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { newPasswordSchema } from '~/lib/shared/passwords';
import { changeOwnPassword } from '~/lib/server/password-change.server';
import { roleHome } from '~/lib/shared/roles';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Support Hub' }];

type ResetResult = { fieldErrors: FieldErrors; formError?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const invited = new URL(request.url).searchParams.get('reason') === 'invite';
  return data({ email: user.email, invited }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, supabase, headers } = await requireUser(request);
  const form = parseForm(newPasswordSchema, await request.formData());
  if (!form.success) return data<ResetResult>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  const changed = await changeOwnPassword({ supabase, password: form.data.password });
  if (!changed.ok) return data<ResetResult>({ fieldErrors: changed.fieldErrors, formError: changed.formError }, { status: 400, headers });
  throw redirect(roleHome[user.role], { headers });
}

export default function ResetPasswordPage() {
  const { email, invited } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const fieldErrors = actionData?.fieldErrors ?? {};
  const submitting = navigation.state === 'submitting';
  return (
    <main className="page narrow auth-page">
      <h1>{invited ? 'Welcome to Support Hub' : 'Choose a new password'}</h1>
      <p className="lead">
        {invited ? 'Choose the password you will sign in with' : 'Choose a new password'} for <strong>{email}</strong>.
      </p>
      <Form method="post" className="card form" ref={formRef}>
        <FormError message={actionData?.formError} />
        <NewPasswordFields fieldErrors={fieldErrors} autoFocus />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save password'}
        </button>
      </Form>
    </main>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This page could not be shown. Please reload it.',
  unexpected: { title: 'Password change is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
