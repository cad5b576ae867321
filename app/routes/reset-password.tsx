// Choosing a new password, once a recovery or invitation link (app/routes/auth.confirm.tsx) has signed the user in.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { MIN_PASSWORD_LENGTH, passwordSchema } from '~/lib/shared/passwords';
import { roleHome } from '~/lib/shared/roles';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Support Hub' }];

const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string().min(1, 'Type the new password again.') })
  .refine((form) => form.password === form.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ. Type the same one twice.' });

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
  const { error } = await supabase.auth.updateUser({ password: form.data.password });
  if (error) {
    if (error.code === 'same_password') {
      return data<ResetResult>({ fieldErrors: { password: 'That is your current password. Choose a different one.' } }, { status: 400, headers });
    }
    if (error.code === 'weak_password') {
      return data<ResetResult>({ fieldErrors: { password: 'Choose a stronger password: longer, and not a common one.' } }, { status: 400, headers });
    }
    return data<ResetResult>({ fieldErrors: {}, formError: 'We could not save your new password right now. Please try again in a moment.' }, { status: 503, headers });
  }
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
        <Field
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoFocus
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldErrors['password']}
        />
        <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required error={fieldErrors['confirmPassword']} />
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
