// /admin/sla: new SLA policies, each policy's targets, business hours and escalation, deleting one, and the quiet
// period after which resolved tickets close. New targets apply to tickets that choose a policy afterwards (decision
// 0020); the database checks the limits too, and its "Admins can … SLA policies" policies decide who may write.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import { Field, FormError, FormNotice, SelectField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import {
  closeResolvedFormSchema,
  isoWeekdays,
  slaBusinessDaysSchema,
  slaPolicyCreateFormSchema,
  slaPolicyFieldConstraints,
  slaTargetsFormSchema,
  type SlaPolicyView,
  type StaffMemberOption,
} from '~/lib/shared/desk-settings';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  getCloseResolvedAfterHours,
  listEscalationTargets,
  listSlaPolicies,
  setCloseResolvedAfterHours,
  updateSlaPolicyTargets,
} from '~/models/desk-settings.server';
import { listSolutionAreas, type SolutionArea } from '~/models/solution-areas.server';
import { z } from 'zod';

export const meta: MetaFunction = () => [{ title: 'SLA policies · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const [policies, closeResolvedAfterHours, areas, staff] = await Promise.all([
    listSlaPolicies({ claims }),
    getCloseResolvedAfterHours({ claims }),
    listSolutionAreas({ claims }),
    listEscalationTargets({ claims }),
  ]);
  return data({ policies, closeResolvedAfterHours, areas, staff }, { headers });
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
    const businessDays = slaBusinessDaysSchema.safeParse(formData.getAll('businessDays'));
    const daysError = businessDays.success ? {} : { businessDays: 'Choose days from the list.' };
    if (intent === 'create') {
      const form = parseForm(slaPolicyCreateFormSchema, formData);
      if (!form.success || !businessDays.success) return data<SaveResult>({ form: 'new', fieldErrors: { ...(form.success ? {} : form.fieldErrors), ...daysError } }, { status: 400, headers });
      await createSlaPolicy({ claims, input: { ...form.data, businessDays: businessDays.data } });
      return data<SaveResult>({ form: 'new', fieldErrors: {}, saved: `Added the policy ${form.data.name}.` }, { headers });
    }
    const policyId = z.string().uuid().safeParse(formData.get('policyId'));
    if (!policyId.success) return data<SaveResult>({ form: 'new', fieldErrors: {}, formError: 'That policy was not understood.' }, { status: 400, headers });
    if (intent === 'delete') {
      if (!(await deleteSlaPolicy({ claims, policyId: policyId.data }))) {
        return data<SaveResult>({ form: policyId.data, fieldErrors: {}, formError: 'This policy no longer exists.' }, { status: 404, headers });
      }
      return data<SaveResult>({ form: 'new', fieldErrors: {}, saved: 'Deleted the policy.' }, { headers });
    }
    const form = parseForm(slaTargetsFormSchema, formData);
    if (!form.success || !businessDays.success) return data<SaveResult>({ form: policyId.data, fieldErrors: { ...(form.success ? {} : form.fieldErrors), ...daysError } }, { status: 400, headers });
    if (!(await updateSlaPolicyTargets({ claims, input: { ...form.data, businessDays: businessDays.data } }))) {
      return data<SaveResult>({ form: policyId.data, fieldErrors: {}, formError: 'This policy no longer exists.' }, { status: 404, headers });
    }
    return data<SaveResult>({ form: policyId.data, fieldErrors: {}, saved: 'Saved the policy.' }, { headers });
  } catch (error) {
    const refusal = translateDatabaseError(error, { fields: slaPolicyFieldConstraints });
    if (!refusal || refusal.code === 'unavailable') throw error;
    const form = intent === 'settings' ? 'settings' : intent === 'create' ? 'new' : String(formData.get('policyId') ?? 'new');
    return data<SaveResult>(
      { form, fieldErrors: refusal.field ? { [refusal.field]: refusal.message } : {}, ...(refusal.field ? {} : { formError: refusal.message }) },
      { status: refusal.status, headers },
    );
  }
}

/** Targets, business hours and escalation: the fields the new-policy form and each policy's form share. */
function PolicyFields({ policy, errors, suffix, staff }: { policy: SlaPolicyView | null; errors: FieldErrors; suffix: string; staff: StaffMemberOption[] }) {
  const days = policy ? policy.businessDays : [1, 2, 3, 4, 5];
  return (
    <>
      <Field name="firstResponseMinutes" idSuffix={suffix} label="First response within (minutes)" type="number" min={1} defaultValue={policy?.firstResponseMinutes ?? 240} error={errors['firstResponseMinutes']} />
      <Field name="resolutionMinutes" idSuffix={suffix} label="Resolution within (minutes)" type="number" min={1} defaultValue={policy?.resolutionMinutes ?? 2880} error={errors['resolutionMinutes']} />
      <fieldset className="sla-business-hours" aria-invalid={errors['businessDays'] ? true : undefined}>
        <legend>Business days (none ticked: the clock runs around the clock)</legend>
        {isoWeekdays.map(({ day, label }) => (
          <label key={day} className="checkbox">
            <input type="checkbox" name="businessDays" value={day} defaultChecked={days?.includes(day) ?? false} /> {label}
          </label>
        ))}
        {errors['businessDays'] ? <p className="field-error">{errors['businessDays']}</p> : null}
      </fieldset>
      <Field name="businessDayStarts" idSuffix={suffix} label="Business hours start" type="time" defaultValue={policy?.businessDayStarts ?? '09:00'} error={errors['businessDayStarts']} />
      <Field name="businessDayEnds" idSuffix={suffix} label="Business hours end" type="time" defaultValue={policy?.businessDayEnds ?? '17:00'} error={errors['businessDayEnds']} />
      <Field name="timeZone" idSuffix={suffix} label="Time zone" defaultValue={policy?.timeZone ?? 'UTC'} error={errors['timeZone']} hint="An IANA name such as Europe/Berlin." />
      <SelectField name="escalation" idSuffix={suffix} label="On a breach" defaultValue={policy?.escalation ?? 'notify_lead'} error={errors['escalation']}>
        <option value="notify_lead">Notify the lead</option>
        <option value="reassign">Reassign</option>
      </SelectField>
      <SelectField name="escalateTo" idSuffix={suffix} label="Lead to notify or technician to reassign to" defaultValue={policy?.escalateTo ?? ''} error={errors['escalateTo']}>
        <option value="">Every admin (no one chosen)</option>
        {staff.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name} ({member.role})
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" name="raisePriority" defaultChecked={policy?.raisePriority ?? true} /> Raise the priority one step
      </label>
    </>
  );
}

function PolicyForm({ policy, result, busy, staff }: { policy: SlaPolicyView; result: SaveResult | undefined; busy: boolean; staff: StaffMemberOption[] }) {
  const mine = result?.form === policy.id ? result : undefined;
  const formRef = useFocusFirstInvalid(mine);
  const scope = [policy.urgency ? `${policy.urgency} urgency` : 'any urgency', policy.solutionArea ? `area ${policy.solutionArea}` : 'any area'].join(', ');
  const hours = policy.businessDays === null ? 'around the clock' : `${policy.businessDays.map((day) => isoWeekdays[day - 1]?.label).join(' ')} ${policy.businessDayStarts}–${policy.businessDayEnds} ${policy.timeZone}`;
  return (
    <Form method="post" ref={formRef} className="admin-sla-policy" aria-label={`SLA policy ${policy.name}`} data-testid="sla-policy">
      <h3>
        {policy.name} <span className="muted">({scope}; {hours})</span>
      </h3>
      <input type="hidden" name="policyId" value={policy.id} />
      <FormError message={mine?.formError} />
      <FormNotice message={mine?.saved} />
      <PolicyFields policy={policy} errors={mine?.fieldErrors ?? {}} suffix={policy.id} staff={staff} />
      <div className="actions">
        <button type="submit" name="intent" value="policy" className="button small" disabled={busy}>
          Save policy
        </button>
        <button type="submit" name="intent" value="delete" className="button small secondary" disabled={busy} formNoValidate aria-describedby={`delete-hint-${policy.id}`}>
          Delete policy
        </button>
        <span className="muted" id={`delete-hint-${policy.id}`}>
          Deleting moves the tickets that follow it to the policy that fits them next; their SLA clocks keep running.
        </span>
      </div>
    </Form>
  );
}

function NewPolicyForm({ result, busy, areas, staff }: { result: SaveResult | undefined; busy: boolean; areas: SolutionArea[]; staff: StaffMemberOption[] }) {
  const mine = result?.form === 'new' ? result : undefined;
  const formRef = useFocusFirstInvalid(mine);
  const errors = mine?.fieldErrors ?? {};
  return (
    // A fresh key after each save empties the form for the next policy.
    <Form method="post" ref={formRef} className="admin-sla-policy" aria-label="New SLA policy" key={mine?.saved ?? 'new'}>
      <input type="hidden" name="intent" value="create" />
      <FormError message={mine?.formError} />
      <FormNotice message={mine?.saved} />
      <Field name="name" idSuffix="new" label="Name" defaultValue="" error={errors['name']} />
      <SelectField name="urgency" idSuffix="new" label="For urgency" defaultValue="" error={errors['urgency']} hint="The most specific policy applies: area and urgency, area, urgency, then the default.">
        <option value="">Any urgency</option>
        <option value="high">High</option>
        <option value="medium">Medium</option>
        <option value="low">Low</option>
      </SelectField>
      <SelectField name="solutionArea" idSuffix="new" label="For solution area" defaultValue="" error={errors['solutionArea']}>
        <option value="">Any area</option>
        {areas.map((area) => (
          <option key={area.slug} value={area.slug}>
            {area.name}
          </option>
        ))}
      </SelectField>
      <PolicyFields policy={null} errors={errors} suffix="new" staff={staff} />
      <button type="submit" className="button small" disabled={busy}>
        Add policy
      </button>
    </Form>
  );
}

export default function AdminSla() {
  const { policies, closeResolvedAfterHours, areas, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const settings = result?.form === 'settings' ? result : undefined;
  const settingsRef = useFocusFirstInvalid(settings);
  return (
    <>
      <h1>SLA policies</h1>
      <p className="muted">Targets count business time; a ticket keeps the due times it was promised when a target changes.</p>
      {policies.length === 0 ? (
        <EmptyState title="No SLA policies yet">Without a policy tickets get no due times. Add a default one (any urgency, any area) below.</EmptyState>
      ) : (
        policies.map((policy) => <PolicyForm key={`${policy.id}-${JSON.stringify(policy)}`} policy={policy} result={result} busy={busy} staff={staff} />)
      )}
      <h2>New policy</h2>
      <NewPolicyForm result={result} busy={busy} areas={areas} staff={staff} />
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
