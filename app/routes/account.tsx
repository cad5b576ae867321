// The signed-in user's own account: their name and their password. Open to every role.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { AppShell } from '~/components/app-shell';
import { Field, FormError, FormNotice, useFocusFirstInvalid } from '~/components/form';
import { NewPasswordFields } from '~/components/new-password-fields';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { newPasswordSchema } from '~/lib/shared/passwords';
import { changeOwnPassword } from '~/lib/server/password-change.server';
import { updateOwnProfileName } from '~/models/profile.server';

export const meta: MetaFunction = () => [{ title: 'Account · Support Hub' }];

const nameSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter your full name.').max(120, 'Use at most 120 characters.'),
});

const intentSchema = z.enum(['name', 'password']);

type AccountResult = { intent: z.infer<typeof intentSchema>; fieldErrors: FieldErrors; formError?: string; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  return data({ user }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { supabase, headers, claims } = await requireUser(request);
  const formData = await request.formData();
  const intent = intentSchema.safeParse(formData.get('intent'));
  if (!intent.success) return data<AccountResult>({ intent: 'name', fieldErrors: {}, formError: 'Unknown form submitted.' }, { status: 400, headers });

  if (intent.data === 'name') {
    const form = parseForm(nameSchema, formData);
    if (!form.success) return data<AccountResult>({ intent: 'name', fieldErrors: form.fieldErrors }, { status: 400, headers });
    // The profile is what other people see; the token's user_metadata is what this header shows.
    const profileUpdated = await updateOwnProfileName({ claims, fullName: form.data.fullName });
    const { error } = profileUpdated ? await supabase.auth.updateUser({ data: { full_name: form.data.fullName } }) : { error: new Error('no profile row') };
    if (error) return data<AccountResult>({ intent: 'name', fieldErrors: {}, formError: 'Your name could not be saved. Please try again.' }, { status: 400, headers });
    // The header reads the name from the access token, so take a fresh one that carries it.
    await supabase.auth.refreshSession();
    return data<AccountResult>({ intent: 'name', fieldErrors: {}, notice: 'Your name was saved.' }, { headers });
  }

  const form = parseForm(newPasswordSchema, formData);
  if (!form.success) return data<AccountResult>({ intent: 'password', fieldErrors: form.fieldErrors }, { status: 400, headers });
  const changed = await changeOwnPassword({ supabase, password: form.data.password });
  if (!changed.ok) return data<AccountResult>({ intent: 'password', fieldErrors: changed.fieldErrors, formError: changed.formError }, { status: 400, headers });
  return data<AccountResult>({ intent: 'password', fieldErrors: {}, notice: 'Your password was changed.' }, { headers });
}

export default function AccountPage() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null;
  const nameResult = actionData?.intent === 'name' ? actionData : undefined;
  const passwordResult = actionData?.intent === 'password' ? actionData : undefined;
  const nameFormRef = useFocusFirstInvalid(nameResult);
  const passwordFormRef = useFocusFirstInvalid(passwordResult);
  return (
    <AppShell user={user}>
      <h1>Your account</h1>
      <p className="lead">Signed in as {user.email}.</p>
      <div className="card-grid">
        <Form method="post" className="card form" ref={nameFormRef} aria-labelledby="name-heading">
          <h2 id="name-heading">Name</h2>
          <FormError message={nameResult?.formError} />
          <FormNotice message={nameResult?.notice} />
          <input type="hidden" name="intent" value="name" />
          <Field name="fullName" label="Full name" type="text" autoComplete="name" required maxLength={120} defaultValue={user.fullName} error={nameResult?.fieldErrors['fullName']} />
          <button type="submit" className="button" disabled={busyIntent === 'name'}>
            {busyIntent === 'name' ? 'Saving…' : 'Save name'}
          </button>
        </Form>
        <Form method="post" className="card form" ref={passwordFormRef} aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <FormError message={passwordResult?.formError} />
          <FormNotice message={passwordResult?.notice} />
          <input type="hidden" name="intent" value="password" />
          <NewPasswordFields fieldErrors={passwordResult?.fieldErrors ?? {}} />
          <button type="submit" className="button" disabled={busyIntent === 'password'}>
            {busyIntent === 'password' ? 'Changing…' : 'Change password'}
          </button>
        </Form>
      </div>
    </AppShell>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'Your account page could not be shown.',
  unexpected: { title: 'Your account is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
