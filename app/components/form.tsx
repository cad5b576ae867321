// Accessible form pieces: a label for every input, the error next to its field and linked by
// aria-describedby, aria-invalid on bad fields, and focus moved to the first invalid one.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  /** Tells apart fields with the same name on one page (ids must be unique): the id becomes field-<name>-<idSuffix>. */
  idSuffix?: string;
  error?: string;
  hint?: ReactNode;
}

export function Field({ name, label, idSuffix, error, hint, ...inputProps }: FieldProps) {
  return (
    <FieldFrame name={name} idSuffix={idSuffix} label={label} error={error} hint={hint}>
      {(control) => <input {...control} {...inputProps} />}
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: string;
  /** Tells apart textareas with the same name on one page (ids must be unique): the id becomes field-<name>-<idSuffix>. */
  idSuffix?: string;
  error?: string;
  hint?: ReactNode;
}

/** A multi-line Field: the same label, hint, error and ARIA wiring around a textarea. */
export function TextAreaField({ name, label, idSuffix, error, hint, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} idSuffix={idSuffix} label={label} error={error} hint={hint}>
      {(control) => <textarea {...control} {...textareaProps} />}
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> {
  name: string;
  label: string;
  /** As Field's. */
  idSuffix?: string;
  error?: string;
  hint?: ReactNode;
}

/** A Field with a choice: the same label, hint, error and ARIA wiring around a select (options as children). */
export function SelectField({ name, label, idSuffix, error, hint, children, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame name={name} idSuffix={idSuffix} label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} {...selectProps}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  name: string;
  idSuffix?: string | undefined;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

function FieldFrame({ name, idSuffix, label, error, hint, children }: FieldFrameProps) {
  const id = idSuffix ? `field-${name}-${idSuffix}` : `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
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
