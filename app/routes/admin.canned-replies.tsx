// /admin/canned-replies: the canned replies technicians insert from the reply box with `/` — shared ones (for all
// staff, admins only: the "Admins can … shared canned replies" policies) and the admin's own — created, edited and
// deleted in place. The variables are filled by the database when a technician inserts one; a {{variable}} it does
// not know is a field error here, so a typo never reaches a customer as "{{custmer.first_name}}".
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import { Field, FormError, FormNotice, SelectField, TextAreaField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import {
  cannedReplyFieldConstraints,
  cannedReplyFormSchema,
  cannedReplyIdSchema,
  cannedReplyVariableExamples,
  type CannedReplyAdminView,
} from '~/lib/shared/canned-reply-form';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { ticketStatusLabel, ticketStatuses } from '~/lib/shared/ticket-status';
import { createCannedReply, deleteCannedReply, listCannedRepliesToManage, unknownCannedReplyVariables, updateCannedReply } from '~/models/canned-replies.server';

export const meta: MetaFunction = () => [{ title: 'Canned replies · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  return data({ cannedReplies: await listCannedRepliesToManage({ claims }) }, { headers });
}

/** Which form answered ("new" or the reply's id), its field errors, and a notice when saved. */
type SaveResult = { form: string; fieldErrors: FieldErrors; formError?: string; saved?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const target = intent === 'create' ? null : cannedReplyIdSchema.safeParse({ cannedReplyId: formData.get('cannedReplyId') });
  if (target && !target.success) return data<SaveResult>({ form: 'new', fieldErrors: {}, formError: 'That canned reply was not understood.' }, { status: 400, headers });
  const cannedReplyId = target?.data.cannedReplyId ?? null;
  const formName = cannedReplyId ?? 'new';
  const answer = (result: Omit<SaveResult, 'form'>, status = 200) => data<SaveResult>({ form: formName, ...result }, { status, headers });
  try {
    if (intent === 'delete' && cannedReplyId) {
      if (!(await deleteCannedReply({ claims, cannedReplyId }))) return answer({ fieldErrors: {}, formError: 'This canned reply no longer exists.' }, 404);
      return data<SaveResult>({ form: 'new', fieldErrors: {}, saved: 'Deleted the canned reply.' }, { headers });
    }
    if (intent !== 'create' && intent !== 'update') return answer({ fieldErrors: {}, formError: 'That change was not understood.' }, 400);
    const form = parseForm(cannedReplyFormSchema, formData);
    if (!form.success) return answer({ fieldErrors: form.fieldErrors }, 400);
    const fieldErrors: FieldErrors = {};
    for (const field of ['body', 'internalNote'] as const) {
      const text = form.data[field];
      const unknown = text ? await unknownCannedReplyVariables({ claims, texts: [text] }) : [];
      if (unknown.length > 0) fieldErrors[field] = `Unknown variable ${unknown.join(', ')}. Use one of ${cannedReplyVariableExamples.join(', ')}.`;
    }
    if (Object.keys(fieldErrors).length > 0) return answer({ fieldErrors }, 400);
    if (cannedReplyId) {
      if (!(await updateCannedReply({ claims, cannedReplyId, fields: form.data }))) return answer({ fieldErrors: {}, formError: 'This canned reply no longer exists.' }, 404);
      return answer({ fieldErrors: {}, saved: 'Saved the canned reply.' });
    }
    await createCannedReply({ claims, fields: form.data });
    return answer({ fieldErrors: {}, saved: `Added /${form.data.shortcut}.` });
  } catch (error) {
    const refusal = translateDatabaseError(error, { fields: cannedReplyFieldConstraints });
    if (!refusal || refusal.code === 'unavailable') throw error;
    return answer(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : { fieldErrors: {}, formError: refusal.message }, refusal.status);
  }
}

const variablesHint = `Variables, filled in for the ticket: ${cannedReplyVariableExamples.join(', ')}.`;

/** One form for a new canned reply and for editing one (ids of its fields told apart by the reply's id). */
function CannedReplyFields({ reply, errors }: { reply: CannedReplyAdminView | null; errors: FieldErrors }) {
  const suffix = reply?.id ?? 'new';
  return (
    <>
      <Field name="shortcut" idSuffix={suffix} label="Shortcut (typed after /)" defaultValue={reply?.shortcut ?? ''} error={errors['shortcut']} autoComplete="off" />
      <Field name="title" idSuffix={suffix} label="Title" defaultValue={reply?.title ?? ''} error={errors['title']} />
      <TextAreaField name="body" idSuffix={suffix} label="Reply text" rows={4} defaultValue={reply?.body ?? ''} error={errors['body']} hint={variablesHint} />
      <SelectField name="scope" idSuffix={suffix} label="Who can use it" defaultValue={reply?.scope ?? 'shared'} error={errors['scope']}>
        <option value="shared">Shared with all staff</option>
        <option value="personal">Personal (only me)</option>
      </SelectField>
      <SelectField name="setStatus" idSuffix={suffix} label="Macro: then set the status to" defaultValue={reply?.setStatus ?? ''} error={errors['setStatus']}>
        <option value="">Leave the status</option>
        {ticketStatuses
          .filter((status) => status !== 'merged')
          .map((status) => (
            <option key={status} value={status}>
              {ticketStatusLabel[status]}
            </option>
          ))}
      </SelectField>
      <TextAreaField name="internalNote" idSuffix={suffix} label="Macro: and add this internal note" rows={2} defaultValue={reply?.internalNote ?? ''} error={errors['internalNote']} />
    </>
  );
}

function EditCannedReply({ reply, result, busy }: { reply: CannedReplyAdminView; result: SaveResult | undefined; busy: boolean }) {
  const mine = result?.form === reply.id ? result : undefined;
  const formRef = useFocusFirstInvalid(mine);
  return (
    <details className="admin-canned-reply" data-testid="canned-reply" open={Boolean(mine && !mine.saved)}>
      <summary>
        <code>/{reply.shortcut}</code> {reply.title} <span className="muted">({reply.scope === 'shared' ? 'shared' : 'personal'})</span>
      </summary>
      <Form method="post" ref={formRef} aria-label={`Canned reply /${reply.shortcut}`}>
        <input type="hidden" name="cannedReplyId" value={reply.id} />
        <FormError message={mine?.formError} />
        <FormNotice message={mine?.saved} />
        <CannedReplyFields reply={reply} errors={mine?.fieldErrors ?? {}} />
        <div className="actions">
          <button type="submit" name="intent" value="update" className="button small" disabled={busy}>
            Save
          </button>
          <button type="submit" name="intent" value="delete" className="button small secondary" disabled={busy} formNoValidate>
            Delete
          </button>
        </div>
      </Form>
    </details>
  );
}

export default function AdminCannedReplies() {
  const { cannedReplies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const creating = result?.form === 'new' ? result : undefined;
  const createRef = useFocusFirstInvalid(creating);
  return (
    <div className="admin-canned-replies">
      <h1>Canned replies</h1>
      <p className="lead">Replies technicians insert by typing / in the reply box. Shared ones are for all staff; personal ones only for you.</p>
      <section aria-labelledby="new-canned-reply">
        <h2 id="new-canned-reply">New canned reply</h2>
        {/* A fresh key after each save empties the form for the next one. */}
        <Form method="post" ref={createRef} aria-label="New canned reply" key={creating?.saved ?? 'new'}>
          <input type="hidden" name="intent" value="create" />
          <FormError message={creating?.formError} />
          <FormNotice message={creating?.saved} />
          <CannedReplyFields reply={null} errors={creating?.fieldErrors ?? {}} />
          <button type="submit" className="button small" disabled={busy}>
            Add canned reply
          </button>
        </Form>
      </section>
      <section aria-labelledby="canned-reply-list">
        <h2 id="canned-reply-list">Canned replies ({cannedReplies.length})</h2>
        {cannedReplies.length === 0 ? (
          <EmptyState title="No canned replies yet">Add the answers you write every day, with the customer's name and the ticket number filled in.</EmptyState>
        ) : (
          cannedReplies.map((reply) => <EditCannedReply key={`${reply.id}-${reply.updatedAt}`} reply={reply} result={result} busy={busy} />)
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The canned replies could not be shown.',
  unexpected: { title: 'The canned replies are unavailable', message: 'They could not be loaded. Please try again in a moment.' },
});
