// THE translator from database errors to what a person reads. Routes and models never look at a SQLSTATE
// themselves: they ask `translateDatabaseError` and show its message (next to a field when it names one), or
// re-throw what it does not know, which stays a real failure. Two kinds of text come out:
// - words the schema wrote for people on purpose (`raise exception … using errcode = '23514'`, hints included),
//   shown as they are — the database is where the workflow's rules and their explanations live;
// - plain words of our own for what Postgres itself says (RLS refusals, NUL bytes, overflow, raw constraint
//   names), because Postgres's own text names tables and policies and helps nobody at a form.
import postgres from 'postgres';
import { unusualCharacterMessage } from '~/lib/shared/forms';

export { unusualCharacterMessage };

/** The HTTP status a refusal answers with; 503 is "could not ask", every other status "the database said no". */
export type RefusalStatus = 400 | 403 | 404 | 409 | 503;

export interface TranslatedDatabaseError {
  /** SQLSTATE, or `unavailable` when the database could not be reached. */
  code: string;
  status: RefusalStatus;
  message: string;
  /** The form field the message belongs next to, when the refusal is about one (a constraint in `fields`). */
  field?: string;
}

export interface TranslationOptions {
  /** A page's own words for a SQLSTATE (or `unavailable`), e.g. `{ P0002: 'This session was not found.' }`. */
  wording?: Partial<Record<string, string>>;
  /** Constraint name → the field it is about and what to say there, e.g. a taken slug. */
  fields?: Partial<Record<string, { field: string; message: string }>>;
}

export const unavailableMessage = 'We cannot reach our servers right now. Please try again in a moment.';
export const notAllowedMessage = 'You are not allowed to do that. If you think you should be, ask an administrator.';
export const numberOutOfRangeMessage = 'One of the numbers is too large. Enter a smaller value.';
export const invalidValueMessage = 'One of the values is not in the expected format. Check the form and try again.';
export const duplicateMessage = 'This already exists, so nothing was saved.';
export const missingReferenceMessage = 'Something this refers to no longer exists. Reload the page and try again.';
export const invalidStateMessage = 'That value is not allowed here. Check the form and try again.';

/** A refusal the database gave on purpose, raised by a model for callers that catch one error type. */
export class DatabaseRefusal extends Error {
  readonly status: RefusalStatus;
  readonly code: string;
  readonly field: string | undefined;
  constructor({ message, status, code, field }: TranslatedDatabaseError) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

// postgres.js and Node's socket codes for "never got an answer", plus Postgres's admin/crash shutdown (57P01)
// and "starting up" (57P03): all mean the question could not be asked, not that it was refused.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P03',
]);

/** True when the database could not be reached (as opposed to a refused or invalid query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && unavailableCodes.has(code);
}

/** The schema's own words: the raised message, and its hint when it gives one. */
function schemaWords(error: postgres.PostgresError): string {
  return error.hint ? `${error.message}. ${error.hint}` : error.message;
}

/**
 * 42501 is both our functions' "this is not yours" (written for people) and Postgres's own refusal by a policy
 * or a missing grant (naming tables and policies): only the latter is replaced.
 */
function isPostgresPermissionText(message: string): boolean {
  return /row-level security policy|^permission denied for /.test(message);
}

/** Postgres's own text for a constraint (as opposed to a `raise … using errcode` of ours with the same code). */
function isPostgresConstraintText(message: string): boolean {
  return /violates (check|unique|foreign key|not-null|exclusion) constraint|^duplicate key value/.test(message);
}

function translatePostgresError(error: postgres.PostgresError): Omit<TranslatedDatabaseError, 'code'> | null {
  switch (error.code) {
    case '42501':
      return { status: 403, message: isPostgresPermissionText(error.message) ? notAllowedMessage : schemaWords(error) };
    case 'P0002':
      return { status: 404, message: schemaWords(error) };
    case '22023':
    case 'P0001':
      return { status: 409, message: schemaWords(error) };
    case '23514':
      return isPostgresConstraintText(error.message) ? { status: 400, message: invalidStateMessage } : { status: 409, message: schemaWords(error) };
    case '23505':
      return { status: 409, message: isPostgresConstraintText(error.message) ? duplicateMessage : schemaWords(error) };
    case '23503':
      return { status: 409, message: isPostgresConstraintText(error.message) ? missingReferenceMessage : schemaWords(error) };
    case '22021':
      return { status: 400, message: unusualCharacterMessage };
    case '22003':
      return { status: 400, message: numberOutOfRangeMessage };
    case '22P02':
      return { status: 400, message: invalidValueMessage };
    default:
      return null;
  }
}

/**
 * What to tell the person about `error`, or null when it is not a refusal we can put in words (a bug, an unknown
 * failure): the caller re-throws those, and the route's ErrorBoundary shows its "something went wrong".
 */
export function translateDatabaseError(error: unknown, { wording = {}, fields = {} }: TranslationOptions = {}): TranslatedDatabaseError | null {
  if (error instanceof DatabaseRefusal) {
    return { code: error.code, status: error.status, message: wording[error.code] ?? error.message, ...(error.field ? { field: error.field } : {}) };
  }
  if (isDatabaseUnavailable(error)) return { code: 'unavailable', status: 503, message: wording['unavailable'] ?? unavailableMessage };
  if (!(error instanceof postgres.PostgresError)) return null;
  const fieldRefusal = error.constraint_name ? fields[error.constraint_name] : undefined;
  if (fieldRefusal) return { code: error.code, status: 400, message: fieldRefusal.message, field: fieldRefusal.field };
  const translated = translatePostgresError(error);
  if (!translated) return null;
  return { code: error.code, ...translated, message: wording[error.code] ?? translated.message };
}

/**
 * For models whose callers catch one error type: re-throws a refusal as a DatabaseRefusal (or `as`, a subclass),
 * and anything else — an unreachable database included — unchanged.
 */
export function rethrowAsRefusal(
  error: unknown,
  options: TranslationOptions = {},
  as: new (translated: TranslatedDatabaseError) => DatabaseRefusal = DatabaseRefusal,
): never {
  const translated = translateDatabaseError(error, options);
  if (!translated || translated.status === 503) throw error;
  throw new as(translated);
}
