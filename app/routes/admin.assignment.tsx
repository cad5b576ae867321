// /admin/assignment: which solution areas' new tickets are assigned automatically (round-robin among online
// technicians under capacity: trigger b_assign_new_ticket, decision 0020) and each technician's capacity and areas.
// Admins only, in the database too: the policies on auto_assignment_rules and technician_availability decide.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import { Field, FormError, FormNotice, SelectField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import {
  assignmentFieldConstraints,
  assignmentRuleFormSchema,
  technicianAreasSchema,
  technicianCapacityFormSchema,
  type AssignmentMode,
  type AssignmentRuleView,
  type TechnicianAvailabilityView,
} from '~/lib/shared/assignment-form';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { listAssignmentRules, setAssignmentRule } from '~/models/assignment-rules.server';
import { listSolutionAreas, type SolutionArea } from '~/models/solution-areas.server';
import { listTechnicianAvailability, setTechnicianCapacity } from '~/models/technician-availability.server';

export const meta: MetaFunction = () => [{ title: 'Assignment · Admin · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const [areas, rules, technicians] = await Promise.all([listSolutionAreas({ claims }), listAssignmentRules({ claims }), listTechnicianAvailability({ claims })]);
  return data({ areas, rules, technicians }, { headers });
}

/** Which form answered (`rule:<area>` or `technician:<id>`), its field errors, and a notice when saved. */
type SaveResult = { form: string; fieldErrors: FieldErrors; formError?: string; saved?: string };

const ruleFormName = (area: string | null) => `rule:${area ?? ''}`;

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const formData = await request.formData();
  const intent = formData.get('intent');
  const formName = intent === 'rule' ? ruleFormName(String(formData.get('solutionArea') ?? '') || null) : `technician:${String(formData.get('technicianId') ?? '')}`;
  const answer = (result: Omit<SaveResult, 'form'>, status = 200) => data<SaveResult>({ form: formName, ...result }, { status, headers });
  try {
    if (intent === 'rule') {
      const form = parseForm(assignmentRuleFormSchema, formData);
      if (!form.success) return answer({ fieldErrors: form.fieldErrors }, 400);
      const rule = await setAssignmentRule({ claims, rule: form.data });
      return answer({ fieldErrors: {}, saved: rule === null ? 'Tickets wait in the queue.' : rule.isEnabled ? 'Assigning automatically.' : 'Paused.' });
    }
    if (intent === 'technician') {
      const form = parseForm(technicianCapacityFormSchema, formData);
      const areas = technicianAreasSchema.safeParse(formData.getAll('solutionAreas').filter((value) => typeof value === 'string'));
      const fieldErrors: FieldErrors = { ...(form.success ? {} : form.fieldErrors), ...(areas.success ? {} : { solutionAreas: areas.error.issues[0]?.message ?? 'Choose areas from the list.' }) };
      if (!form.success || !areas.success) return answer({ fieldErrors }, 400);
      if (!(await setTechnicianCapacity({ claims, input: { ...form.data, solutionAreas: areas.data } }))) {
        return answer({ fieldErrors: {}, formError: 'This technician no longer exists.' }, 404);
      }
      return answer({ fieldErrors: {}, saved: 'Saved.' });
    }
    return answer({ fieldErrors: {}, formError: 'That change was not understood.' }, 400);
  } catch (error) {
    const refusal = translateDatabaseError(error, { fields: assignmentFieldConstraints });
    if (!refusal || refusal.code === 'unavailable') throw error;
    return answer(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : { fieldErrors: {}, formError: refusal.message }, refusal.status);
  }
}

const modeOf = (rule: AssignmentRuleView | undefined): AssignmentMode => (rule === undefined ? 'off' : rule.isEnabled ? 'on' : 'paused');

function RuleRow({ area, label, rule, result, busy }: { area: string | null; label: string; rule: AssignmentRuleView | undefined; result: SaveResult | undefined; busy: boolean }) {
  const name = ruleFormName(area);
  const mine = result?.form === name ? result : undefined;
  return (
    <tr data-testid="assignment-rule">
      <th scope="row">{label}</th>
      <td>
        <Form method="post" className="inline-form" aria-label={`Automatic assignment for ${label}`} key={`${name}-${modeOf(rule)}`}>
          <input type="hidden" name="intent" value="rule" />
          <input type="hidden" name="solutionArea" value={area ?? ''} />
          <SelectField name="mode" idSuffix={area ?? 'none'} label={`Assign ${label} automatically`} defaultValue={modeOf(rule)} error={mine?.fieldErrors['mode'] ?? mine?.fieldErrors['solutionArea']}>
            <option value="on">On: round-robin</option>
            <option value="paused">Paused</option>
            <option value="off">Off: the queue</option>
          </SelectField>
          <button type="submit" className="button small" disabled={busy}>
            Save
          </button>
          <FormError message={mine?.formError} />
          <FormNotice message={mine?.saved} />
        </Form>
      </td>
    </tr>
  );
}

function TechnicianRow({ technician, areas, result, busy }: { technician: TechnicianAvailabilityView; areas: SolutionArea[]; result: SaveResult | undefined; busy: boolean }) {
  const mine = result?.form === `technician:${technician.technicianId}` ? result : undefined;
  const formRef = useFocusFirstInvalid(mine);
  const errors = mine?.fieldErrors ?? {};
  return (
    <li className="admin-technician" data-testid="technician-availability">
      <Form method="post" ref={formRef} aria-label={`Capacity of ${technician.name}`} key={`${technician.capacity}-${technician.solutionAreas?.join(',') ?? ''}`}>
        <h3>
          {technician.name} <span className="muted">({technician.isOnline ? 'online' : 'away'}, {technician.openTickets} open)</span>
        </h3>
        <input type="hidden" name="intent" value="technician" />
        <input type="hidden" name="technicianId" value={technician.technicianId} />
        <FormError message={mine?.formError} />
        <FormNotice message={mine?.saved} />
        <Field name="capacity" idSuffix={technician.technicianId} label="Capacity (open tickets)" type="number" min={0} max={200} defaultValue={technician.capacity} error={errors['capacity']} />
        <fieldset aria-invalid={errors['solutionAreas'] ? true : undefined}>
          <legend>Areas (none ticked: every area)</legend>
          {areas.map((area) => (
            <label key={area.slug} className="checkbox">
              <input type="checkbox" name="solutionAreas" value={area.slug} defaultChecked={technician.solutionAreas?.includes(area.slug) ?? false} /> {area.name}
            </label>
          ))}
          {errors['solutionAreas'] ? <p className="field-error">{errors['solutionAreas']}</p> : null}
        </fieldset>
        <button type="submit" className="button small" disabled={busy}>
          Save
        </button>
      </Form>
    </li>
  );
}

export default function AdminAssignment() {
  const { areas, rules, technicians } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const ruleOf = (area: string | null) => rules.find((rule) => rule.solutionArea === area);
  return (
    <div className="admin-assignment">
      <h1>Assignment</h1>
      <p className="lead">New tickets of an area with automatic assignment go round-robin to its online technicians, skipping those at their capacity; the rest wait in the queue.</p>
      <section aria-labelledby="assignment-rules">
        <h2 id="assignment-rules">Automatic assignment per area</h2>
        <table className="admin-assignment-rules">
          <caption className="visually-hidden">Automatic assignment per solution area</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">New tickets</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <RuleRow key={area.slug} area={area.slug} label={area.name} rule={ruleOf(area.slug)} result={result} busy={busy} />
            ))}
            <RuleRow area={null} label="Tickets without an area" rule={ruleOf(null)} result={result} busy={busy} />
          </tbody>
        </table>
      </section>
      <section aria-labelledby="technician-capacity">
        <h2 id="technician-capacity">Technicians</h2>
        {technicians.length === 0 ? (
          <EmptyState title="No technicians yet">Once people have the technician role they are listed here with their capacity.</EmptyState>
        ) : (
          <ul className="admin-technicians">
            {technicians.map((technician) => (
              <TechnicianRow key={technician.technicianId} technician={technician} areas={areas} result={result} busy={busy} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The assignment settings could not be shown.',
  unexpected: { title: 'The assignment settings are unavailable', message: 'They could not be loaded. Please try again in a moment.' },
});
