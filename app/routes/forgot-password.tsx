import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, FormNotice, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { emailAddressSchema } from '~/lib/shared/email-address';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { createSupabaseSignInClient } from '~/lib/server/supabase.server';

export const meta: MetaFunction = () => [{ title: 'Forgot password · Support Hub' }];

const requestSchema = z.object({ email: emailAddressSchema });

type RequestResult = { fieldErrors: FieldErrors; formError?: string; notice?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(requestSchema, await request.formData());
  if (!form.success) return data<RequestResult>({ fieldErrors: form.fieldErrors }, { status: 400 });

  // Auth limits these requests per client address, like sign-ins: the sign-in client passes the address on.
  const { supabase, headers } = createSupabaseSignInClient(request, context);
  const { error } = await supabase.auth.resetPasswordForEmail(form.data.email);
  if (error) {
    if (error.code === 'validation_failed') return data<RequestResult>({ fieldErrors: { email: 'Enter a valid email address.' } }, { status: 400, headers });
    const formError =
      error.status === 429
        ? 'We sent a link a moment ago. Please wait a minute, check your inbox (and spam folder), then try again.'
        : 'We could not send the link right now. Please try again in a moment.';
    return data<RequestResult>({ fieldErrors: {}, formError }, { status: error.status === 429 ? 429 : 400, headers });
  }
  // The same words whether or not the address has an account, so this page cannot be used to find out.
  return data<RequestResult>({ fieldErrors: {}, notice: `If ${form.data.email} has an account, we have sent it a link to choose a new password. The link works once, for an hour.` }, { headers });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const fieldErrors = actionData?.fieldErrors ?? {};
  const submitting = navigation.state === 'submitting';
  // /auth/confirm sends people back here when their link had expired or was used already.
  const expired = searchParams.get('link') === 'expired' && !actionData;
  return (
    <main className="page narrow auth-page">
      <Link to="/" className="brand auth-brand">
        Support Hub
      </Link>
      <h1>Forgot your password?</h1>
      <p className="lead">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <Form method="post" className="card form" ref={formRef}>
        <FormError message={expired ? 'That link has expired or was already used. Ask for a new one below.' : actionData?.formError} />
        <FormNotice message={actionData?.notice} />
        <Field name="email" label="Email" type="email" autoComplete="email" required autoFocus error={fieldErrors['email']} />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Sending…' : 'Send me a link'}
        </button>
      </Form>
      <p className="switch">
        Remembered it? <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This page could not be shown. Please reload it.',
  unexpected: { title: 'Password reset is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
