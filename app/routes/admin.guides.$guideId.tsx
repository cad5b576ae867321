// Admin: edit one guide — its fields, publish state, and its ordered steps (edit, add, delete, move up / down with
// buttons that keep keyboard focus on the moved step).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect } from 'react';
import { z } from 'zod';
import { FormError, FormNotice, useFocusFirstInvalid } from '~/components/form';
import { GuideFields } from '~/components/guide-form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { guideFieldConstraints, guideFormSchema, stepInstructionSchema } from '~/lib/shared/guide-form';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { addGuideStep, deleteGuideStep, getGuide, moveGuideStep, updateGuide, updateGuideStep } from '~/models/guides.server';
import { listSolutionAreas } from '~/models/solution-areas.server';

export const meta: MetaFunction = () => [{ title: 'Edit guide · Admin · Support Hub' }];

type EditResult = {
  intent: string;
  fieldErrors: FieldErrors;
  formError?: string;
  notice?: string;
  stepId?: string;
  direction?: 'up' | 'down';
};

const stepActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('step-add'), instruction: z.string() }),
  z.object({ intent: z.literal('step-save'), stepId: z.string().uuid(), instruction: z.string() }),
  z.object({ intent: z.literal('step-delete'), stepId: z.string().uuid() }),
  z.object({ intent: z.literal('step-move-up'), stepId: z.string().uuid() }),
  z.object({ intent: z.literal('step-move-down'), stepId: z.string().uuid() }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const guideId = z.string().uuid().safeParse(params['guideId']);
  if (!guideId.success) throw data('Not found', { status: 404, headers });
  const [guide, solutionAreas] = await Promise.all([getGuide({ claims, guideId: guideId.data }), listSolutionAreas({ claims })]);
  if (!guide) throw data('Not found', { status: 404, headers });
  return data({ guide, solutionAreas }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const guideId = z.string().uuid().safeParse(params['guideId']);
  if (!guideId.success) throw data('Not found', { status: 404, headers });
  const formData = await request.formData();
  const reply = (result: EditResult, status = 200) => data<EditResult>(result, { status, headers });

  if (formData.get('intent') === 'save') {
    const form = parseForm(guideFormSchema, formData);
    if (!form.success) return reply({ intent: 'save', fieldErrors: form.fieldErrors }, 400);
    let saved: boolean;
    try {
      saved = await updateGuide({ claims, guideId: guideId.data, fields: form.data });
    } catch (error) {
      const refusal = translateDatabaseError(error, { fields: guideFieldConstraints });
      if (!refusal || refusal.code === 'unavailable') throw error;
      return reply({ intent: 'save', fieldErrors: refusal.field ? { [refusal.field]: refusal.message } : {}, ...(refusal.field ? {} : { formError: refusal.message }) }, refusal.status);
    }
    if (!saved) return reply({ intent: 'save', fieldErrors: { slug: 'Another guide uses this slug.' } }, 400);
    return reply({ intent: 'save', fieldErrors: {}, notice: 'Guide saved.' });
  }

  const step = stepActionSchema.safeParse(Object.fromEntries(formData));
  if (!step.success) return reply({ intent: 'unknown', fieldErrors: {}, formError: 'That change was not understood.' }, 400);
  switch (step.data.intent) {
    case 'step-add': {
      const instruction = stepInstructionSchema.safeParse(step.data.instruction);
      if (!instruction.success) return reply({ intent: 'step-add', fieldErrors: { newStep: instruction.error.issues[0]?.message } }, 400);
      await addGuideStep({ claims, guideId: guideId.data, instruction: instruction.data });
      return reply({ intent: 'step-add', fieldErrors: {}, notice: 'Step added.' });
    }
    case 'step-save': {
      const instruction = stepInstructionSchema.safeParse(step.data.instruction);
      if (!instruction.success) return reply({ intent: 'step-save', stepId: step.data.stepId, fieldErrors: { [`step-${step.data.stepId}`]: instruction.error.issues[0]?.message } }, 400);
      await updateGuideStep({ claims, stepId: step.data.stepId, instruction: instruction.data });
      return reply({ intent: 'step-save', stepId: step.data.stepId, fieldErrors: {}, notice: 'Step saved.' });
    }
    case 'step-delete':
      await deleteGuideStep({ claims, guideId: guideId.data, stepId: step.data.stepId });
      return reply({ intent: 'step-delete', fieldErrors: {}, notice: 'Step deleted.' });
    case 'step-move-up':
    case 'step-move-down': {
      const direction = step.data.intent === 'step-move-up' ? 'up' : 'down';
      const moved = await moveGuideStep({ claims, guideId: guideId.data, stepId: step.data.stepId, direction });
      return reply({ intent: 'step-move', stepId: step.data.stepId, direction, fieldErrors: {}, notice: moved ? `Step moved ${direction}.` : undefined });
    }
  }
}

export default function EditGuide() {
  const { guide, solutionAreas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const guideFormRef = useFocusFirstInvalid(result?.intent === 'save' ? result : undefined);

  // After a move, keep focus on the same button of the moved step (or its other one at either end).
  useEffect(() => {
    if (result?.intent !== 'step-move' || !result.stepId || !result.direction) return;
    const other = result.direction === 'up' ? 'down' : 'up';
    const target = document.getElementById(`move-${result.direction}-${result.stepId}`) as HTMLButtonElement | null;
    const fallback = document.getElementById(`move-${other}-${result.stepId}`);
    (target && !target.disabled ? target : fallback)?.focus();
  }, [result, guide.steps]);

  return (
    <div className="admin-guides troubleshoot">
      <p className="troubleshoot-back">
        <Link to="/admin/guides">← All guides</Link>
      </p>
      <h1>{guide.title}</h1>
      <FormNotice message={result?.notice} />
      <FormError message={result?.formError} />

      <Form method="post" className="card form" ref={guideFormRef} aria-labelledby="guide-heading">
        <h2 id="guide-heading">Guide</h2>
        <input type="hidden" name="intent" value="save" />
        <GuideFields values={guide} solutionAreas={solutionAreas} errors={result?.intent === 'save' ? result.fieldErrors : {}} />
        <button type="submit" className="button" disabled={busy}>
          Save guide
        </button>
      </Form>

      <section className="card" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        {guide.steps.length === 0 ? <p className="field-hint">No steps yet: add the first check customers should do.</p> : null}
        <ol className="admin-steps" aria-label="Steps in order">
          {guide.steps.map((step, index) => {
            const fieldId = `step-${step.id}`;
            const error = result?.fieldErrors[fieldId];
            return (
              <li key={step.id}>
                <Form method="post" className="admin-step-form" aria-label={`Step ${step.position}`}>
                  <input type="hidden" name="stepId" value={step.id} />
                  <label htmlFor={fieldId} className="visually-hidden">
                    Step {step.position}
                  </label>
                  <span aria-hidden="true">{step.position}.</span>
                  <textarea
                    id={fieldId}
                    name="instruction"
                    rows={3}
                    defaultValue={step.instruction}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${fieldId}-error` : undefined}
                  />
                  <div className="step-buttons">
                    <button type="submit" name="intent" value="step-save" className="button small">
                      Save
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="step-move-up"
                      id={`move-up-${step.id}`}
                      className="button small secondary"
                      disabled={index === 0}
                      aria-label={`Move step ${step.position} up`}
                    >
                      ↑ Up
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="step-move-down"
                      id={`move-down-${step.id}`}
                      className="button small secondary"
                      disabled={index === guide.steps.length - 1}
                      aria-label={`Move step ${step.position} down`}
                    >
                      ↓ Down
                    </button>
                    <button type="submit" name="intent" value="step-delete" className="button small secondary" aria-label={`Delete step ${step.position}`}>
                      Delete
                    </button>
                  </div>
                  {error ? (
                    <p className="field-error" id={`${fieldId}-error`}>
                      {error}
                    </p>
                  ) : null}
                </Form>
              </li>
            );
          })}
        </ol>
        <Form method="post" className="form admin-new-step" aria-label="Add a step">
          <input type="hidden" name="intent" value="step-add" />
          <div className="field">
            <label htmlFor="field-newStep">New step</label>
            <textarea
              id="field-newStep"
              name="instruction"
              rows={2}
              key={guide.steps.length}
              aria-invalid={result?.fieldErrors['newStep'] ? true : undefined}
              aria-describedby={result?.fieldErrors['newStep'] ? 'field-newStep-error' : undefined}
            />
            {result?.fieldErrors['newStep'] ? (
              <p className="field-error" id="field-newStep-error">
                {result.fieldErrors['newStep']}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button small" disabled={busy}>
            Add step
          </button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Guide not found' } },
  response: 'This guide does not exist or was deleted.',
  unexpected: { title: 'Guides are unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
