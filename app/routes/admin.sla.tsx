// /admin/sla: the SLA policies' targets and escalation, and the quiet period after which resolved tickets close.
// New targets apply to tickets that choose a policy afterwards (decision 0020); the database checks the limits too.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field, FormError, FormNotice, SelectField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { closeResolvedFormSchema, slaTargetsFormSchema, type SlaPolicyView } from '~/lib/shared/desk-settings';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { getCloseResolvedAfterHours, listSlaPolicies, setCloseResolvedAfterHours, updateSlaPolicyTargets } from '~/models/desk-settings.server';

export const meta: MetaFunction = () => [{ title: 'SLA policies · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const [policies, closeResolvedAfterHours] = await Promise.all([listSlaPolicies({ claims }), getCloseResolvedAfterHours({ claims })]);
  return data({ policies, closeResolvedAfterHours }, { headers });
}

/** Which form answered (the policy's id, or "settings"), its field errors, and a notice when saved. */
type SaveResult = { form: string; fieldErrors: FieldErrors; formError?: string; saved?: string };

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const formData = await request.formData();
  const intent = formData.get('intent');
  try {
    if (intent === 'settings') {
      const form = parseForm(closeResolvedFormSchema, formData);
      if (!form.success) return data<SaveResult>({ form: 'settings', fieldErrors: form.fieldErrors }, { status: 400, headers });
      const saved = await setCloseResolvedAfterHours({ claims, hours: form.data.closeResolvedAfterHours });
      if (!saved) return data<SaveResult>({ form: 'settings', fieldErrors: {}, formError: 'The desk settings could not be changed.' }, { status: 403, headers });
      return data<SaveResult>({ form: 'settings', fieldErrors: {}, saved: 'Saved the quiet period.' }, { headers });
    }
    const form = parseForm(slaTargetsFormSchema, formData);
    const policyForm = String(formData.get('policyId') ?? 'policy');
    if (!form.success) return data<SaveResult>({ form: policyForm, fieldErrors: form.fieldErrors }, { status: 400, headers });
    if (!(await updateSlaPolicyTargets({ claims, input: form.data }))) {
      return data<SaveResult>({ form: policyForm, fieldErrors: {}, formError: 'This policy no longer exists.' }, { status: 404, headers });
    }
    return data<SaveResult>({ form: policyForm, fieldErrors: {}, saved: 'Saved the targets.' }, { headers });
  } catch (error) {
    const refusal = translateDatabaseError(error);
    if (!refusal) throw error;
    return data<SaveResult>({ form: String(intent ?? 'policy'), fieldErrors: {}, formError: refusal.message }, { status: refusal.status, headers });
  }
}

function PolicyForm({ policy, result, busy }: { policy: SlaPolicyView; result: SaveResult | undefined; busy: boolean }) {
  const mine = result?.form === policy.id ? result : undefined;
  const errors = mine?.fieldErrors ?? {};
  const formRef = useFocusFirstInvalid(mine);
  const scope = [policy.urgency ? `${policy.urgency} urgency` : 'any urgency', policy.solutionArea ? `area ${policy.solutionArea}` : 'any area'].join(', ');
  return (
    <Form method="post" ref={formRef} className="admin-sla-policy" aria-label={`SLA policy ${policy.name}`} data-testid="sla-policy">
      <h3>
        {policy.name} <span className="muted">({scope})</span>
      </h3>
      <input type="hidden" name="intent" value="policy" />
      <input type="hidden" name="policyId" value={policy.id} />
      <FormError message={mine?.formError} />
      <FormNotice message={mine?.saved} />
      <Field name="firstResponseMinutes" label="First response within (minutes)" type="number" min={1} defaultValue={policy.firstResponseMinutes} error={errors['firstResponseMinutes']} />
      <Field name="resolutionMinutes" label="Resolution within (minutes)" type="number" min={1} defaultValue={policy.resolutionMinutes} error={errors['resolutionMinutes']} />
      <SelectField name="escalation" label="On a breach" defaultValue={policy.escalation} error={errors['escalation']}>
        <option value="notify_lead">Notify the lead</option>
        <option value="reassign">Reassign</option>
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" name="raisePriority" defaultChecked={policy.raisePriority} /> Raise the priority one step
      </label>
      <button type="submit" className="button small" disabled={busy}>
        Save targets
      </button>
    </Form>
  );
}

export default function AdminSla() {
  const { policies, closeResolvedAfterHours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const settings = result?.form === 'settings' ? result : undefined;
  const settingsRef = useFocusFirstInvalid(settings);
  return (
    <>
      <h1>SLA policies</h1>
      <p className="muted">Targets count business time; a ticket keeps the due times it was promised when a target changes.</p>
      {policies.length === 0 ? <p>No SLA policies yet.</p> : policies.map((policy) => <PolicyForm key={policy.id} policy={policy} result={result} busy={busy} />)}
      <h2>Resolved tickets</h2>
      <Form method="post" ref={settingsRef} aria-label="Desk settings">
        <input type="hidden" name="intent" value="settings" />
        <FormError message={settings?.formError} />
        <FormNotice message={settings?.saved} />
        <Field
          name="closeResolvedAfterHours"
          label="Close a resolved ticket after this many quiet hours"
          type="number"
          min={1}
          defaultValue={closeResolvedAfterHours === null ? 168 : Math.round(closeResolvedAfterHours)}
          error={settings?.fieldErrors['closeResolvedAfterHours']}
        />
        <button type="submit" className="button small" disabled={busy}>
          Save
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The SLA policies could not be shown.',
  unexpected: { title: 'The SLA policies are unavailable', message: 'They could not be loaded. Please try again in a moment.' },
});
