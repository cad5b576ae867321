import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, FormNotice, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { getOptionalUser } from '~/lib/server/auth.server';
import { emailAddressSchema } from '~/lib/shared/email-address';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { MIN_PASSWORD_LENGTH, passwordSchema } from '~/lib/shared/passwords';
import { roleHome } from '~/lib/shared/roles';
import { createSupabaseSignInClient } from '~/lib/server/supabase.server';

export const meta: MetaFunction = () => [{ title: 'Create an account · Support Hub' }];

// Sign-up makes customers only: staff roles are granted by an admin, never chosen here.
const signUpSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter your full name.').max(120, 'Use at most 120 characters.'),
  email: emailAddressSchema,
  password: passwordSchema,
});

type SignUpResult = { fieldErrors: FieldErrors; formError?: string; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getOptionalUser(request);
  if (user) throw redirect(roleHome[user.role], { headers });
  return data(null, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signUpSchema, await request.formData());
  if (!form.success) return data<SignUpResult>({ fieldErrors: form.fieldErrors }, { status: 400 });

  const { supabase, headers } = createSupabaseSignInClient(request, context);
  const { data: signUp, error } = await supabase.auth.signUp({
    email: form.data.email,
    password: form.data.password,
    options: { data: { full_name: form.data.fullName } },
  });
  if (error) {
    if (error.code === 'user_already_exists' || error.code === 'email_exists') {
      return data<SignUpResult>({ fieldErrors: { email: 'An account with this email already exists. Sign in instead.' } }, { status: 400, headers });
    }
    if (error.code === 'weak_password') {
      return data<SignUpResult>({ fieldErrors: { password: 'Choose a stronger password: longer, and not a common one.' } }, { status: 400, headers });
    }
    if (error.code === 'email_address_invalid' || error.code === 'validation_failed') {
      return data<SignUpResult>({ fieldErrors: { email: 'Enter a valid email address.' } }, { status: 400, headers });
    }
    const formError = error.status === 429 ? 'Too many sign-up attempts. Please wait a minute and try again.' : 'We could not create your account right now. Please try again in a moment.';
    return data<SignUpResult>({ fieldErrors: {}, formError }, { status: error.status === 429 ? 429 : 400, headers });
  }
  // With email confirmations on (hosted projects may enable them) there is no session yet.
  if (!signUp.session) {
    return data<SignUpResult>({ fieldErrors: {}, notice: `Almost done: we sent a confirmation link to ${form.data.email}.` }, { headers });
  }
  throw redirect(roleHome.customer, { headers });
}

export default function SignUpPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const fieldErrors = actionData?.fieldErrors ?? {};
  const submitting = navigation.state === 'submitting';
  return (
    <main className="page narrow auth-page">
      <Link to="/" className="brand auth-brand">
        Support Hub
      </Link>
      <h1>Create an account</h1>
      <p className="lead">Get help from our assistant and technicians.</p>
      <Form method="post" className="card form" ref={formRef}>
        <FormError message={actionData?.formError} />
        <FormNotice message={actionData?.notice} />
        <Field name="fullName" label="Full name" type="text" autoComplete="name" required maxLength={120} autoFocus error={fieldErrors['fullName']} />
        <Field name="email" label="Email" type="email" autoComplete="email" required error={fieldErrors['email']} />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldErrors['password']}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </Form>
      <p className="switch">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'Sign-up could not be shown. Please reload the page.',
  unexpected: { title: 'Sign-up is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
