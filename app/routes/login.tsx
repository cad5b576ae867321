import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { getOptionalUser, verifiedClaimsSchema } from '~/lib/server/auth.server';
import { emailAddressSchema } from '~/lib/shared/email-address';
import { parseForm } from '~/lib/shared/forms';
import { roleHome, safeRedirectPath } from '~/lib/shared/roles';
import { createSupabaseSignInClient } from '~/lib/server/supabase.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Support Hub' }];

const signInSchema = z.object({
  email: emailAddressSchema,
  password: z.string().min(1, 'Enter your password.'),
  redirectTo: z.string().optional(),
});

/** Supabase Auth's message for a wrong email or password; the password verification hook's refusals differ. */
const AUTH_WRONG_PASSWORD_MESSAGE = 'Invalid login credentials';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getOptionalUser(request);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(safeRedirectPath(redirectTo, roleHome[user.role]), { headers });
  }
  return data(null, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signInSchema, await request.formData());
  if (!form.success) return data({ fieldErrors: form.fieldErrors, formError: undefined }, { status: 400 });

  const { supabase, headers } = createSupabaseSignInClient(request, context);
  const { error } = await supabase.auth.signInWithPassword({ email: form.data.email, password: form.data.password });
  if (error) {
    const formError =
      error.code === 'invalid_credentials'
        ? error.message === AUTH_WRONG_PASSWORD_MESSAGE
          ? 'That email and password do not match an account. Check them and try again.'
          : // Any other message under this code is the password verification hook's refusal, written for people
            // (private.password_verification_attempt_hook: too many wrong passwords for this account).
            error.message
        : error.status === 429
          ? 'Too many sign-in attempts. Please wait a minute and try again.'
          : error.code === 'email_not_confirmed'
            ? 'Please confirm your email address first, using the link we sent you.'
            : 'We could not sign you in right now. Please try again in a moment.';
    return data({ fieldErrors: {}, formError }, { status: error.status === 429 ? 429 : 400, headers });
  }
  // The role decides the default destination; read it from the token we were just given.
  const { data: claimsData } = await supabase.auth.getClaims();
  const claims = verifiedClaimsSchema.safeParse(claimsData?.claims);
  const home = claims.success ? roleHome[claims.data.user_role] : '/';
  throw redirect(safeRedirectPath(form.data.redirectTo, home), { headers });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const formRef = useFocusFirstInvalid(actionData);
  const fieldErrors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const submitting = navigation.state === 'submitting';
  return (
    <main className="page narrow auth-page">
      <Link to="/" className="brand auth-brand">
        Support Hub
      </Link>
      <h1>Sign in</h1>
      <p className="lead">Welcome back to Support Hub.</p>
      <Form method="post" className="card form" noValidate={false} ref={formRef}>
        <FormError message={actionData?.formError ?? (searchParams.get('link') === 'expired' ? 'That sign-in link has expired or was already used. Sign in with your password, or ask for a new link.' : undefined)} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field name="email" label="Email" type="email" autoComplete="email" required autoFocus error={fieldErrors['email']} />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors['password']}
        />
        <p className="form-aside">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
      <p className="switch">
        New to Support Hub? <Link to={{ pathname: '/signup', search: searchParams.toString() ? `?${searchParams}` : '' }}>Create an account</Link>
      </p>
    </main>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'Sign-in could not be shown. Please reload the page.',
  unexpected: { title: 'Sign-in is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
