// Accessible form pieces: a label for every input, the error next to its field and linked by
// aria-describedby, aria-invalid on bad fields, and focus moved to the first invalid one.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

export function Field({ name, label, error, hint, ...inputProps }: FieldProps) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...inputProps} />
    </FieldShell>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: string;
  /** Tells apart two textareas with the same name on one page (ids must be unique). */
  idSuffix?: string;
  error?: string;
  hint?: ReactNode;
}

/** The multi-line sibling of Field. */
export function TextAreaField({ name, label, idSuffix, error, hint, ...textareaProps }: TextAreaFieldProps) {
  const id = `field-${name}${idSuffix ? `-${idSuffix}` : ''}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textareaProps} />
    </FieldShell>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

export function FormNotice({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="form-notice" role="status">
      {message}
    </div>
  );
}

/** After a failed submission, focus the first invalid field (or the form's error) so keyboard and screen-reader users land on it. */
export function useFocusFirstInvalid<T>(result: T) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!result) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [result]);
  return formRef;
}
