// The two fields of a new password (/account, /reset-password), with their hint and errors.
import { Field } from '~/components/form';
import type { FieldErrors } from '~/lib/shared/forms';
import { MIN_PASSWORD_LENGTH } from '~/lib/shared/passwords';

export function NewPasswordFields({ fieldErrors, autoFocus }: { fieldErrors: FieldErrors; autoFocus?: boolean }) {
  return (
    <>
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoFocus={autoFocus}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors['password']}
      />
      <Field name="confirmPassword" label="Repeat new password" type="password" autoComplete="new-password" required error={fieldErrors['confirmPassword']} />
    </>
  );
}
