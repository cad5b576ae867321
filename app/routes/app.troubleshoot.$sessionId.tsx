// Guided fix, step 2: the matched guide as a checklist. Each step's answer (tried / skipped, and when) is recorded
// as the customer goes; the session ends with one of three outcomes through public.complete_troubleshooting_session.
// If the database cannot be reached, the steps (cached in sessionStorage when the page loaded) stay on screen with
// a clear message that progress was not saved.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, Link, useActionData, useFetcher, useLoaderData, useNavigation, useParams, useRouteError } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ErrorPanel } from '~/components/app-shell';
import { GuideChoiceList } from '~/components/guide-choices';
import { FormError } from '~/components/form';
import { requireUser } from '~/lib/server/auth.server';
import { isDatabaseUnavailable, translateDatabaseError } from '~/lib/server/db-errors.server';
import { outcomes } from '~/lib/shared/troubleshooting';
import {
  completeSession,
  getSession,
  nextBestGuides,
  recordStep,
  sessionVehicleValue,
  type GuideMatch,
  type SessionStep,
} from '~/models/troubleshooting.server';

export const meta: MetaFunction = () => [{ title: 'Guided fix · Support Hub' }];

const OFFLINE_MESSAGE = 'We cannot reach our servers right now: your progress was not saved. You can keep working through the steps below; try again in a moment.';

const stepFormSchema = z.object({
  intent: z.literal('step'),
  stepNumber: z.coerce.number().int().positive(),
  answer: z.enum(['tried', 'skipped']),
});
const outcomeFormSchema = z.object({ intent: z.literal('outcome'), outcome: z.enum(outcomes) });
const actionFormSchema = z.discriminatedUnion('intent', [stepFormSchema, outcomeFormSchema]);

type ActionResult = { ok: boolean; offline?: boolean; formError?: string; answer?: 'tried' | 'skipped' };

/** What the browser keeps of a session so the steps survive the database being unreachable. */
const cachedGuideSchema = z.object({ guideTitle: z.string().nullable(), steps: z.array(z.object({ stepNumber: z.number(), instruction: z.string() })) });
type CachedGuide = z.infer<typeof cachedGuideSchema>;
const cacheKey = (sessionId: string) => `support-hub:troubleshoot:${sessionId}`;

function readCachedGuide(sessionId: string | undefined): CachedGuide | null {
  if (!sessionId || typeof window === 'undefined') return null;
  try {
    const parsed = cachedGuideSchema.safeParse(JSON.parse(window.sessionStorage.getItem(cacheKey(sessionId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const sessionId = z.string().uuid().safeParse(params['sessionId']);
  if (!sessionId.success) throw data('Not found', { status: 404, headers });
  try {
    const session = await getSession({ claims, sessionId: sessionId.data });
    if (!session) throw data('Not found', { status: 404, headers });
    let alternatives: GuideMatch[] = [];
    let vehicle = '';
    if (session.completedAt && session.misclassified) {
      alternatives = await nextBestGuides({ claims, session });
      vehicle = await sessionVehicleValue({ claims, sessionId: session.id });
    }
    return data({ session, alternatives, vehicle }, { headers });
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw data('Database unavailable', { status: 503, headers });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const sessionId = z.string().uuid().safeParse(params['sessionId']);
  if (!sessionId.success) throw data('Not found', { status: 404, headers });
  const form = actionFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data<ActionResult>({ ok: false, formError: 'That answer was not understood. Please use the buttons.' }, { status: 400, headers });
  try {
    if (form.data.intent === 'step') {
      const saved = await recordStep({ claims, sessionId: sessionId.data, stepNumber: form.data.stepNumber, attempted: form.data.answer === 'tried' });
      if (!saved) return data<ActionResult>({ ok: false, formError: 'This session has ended, so the step was not recorded.' }, { status: 409, headers });
      return data<ActionResult>({ ok: true, answer: form.data.answer }, { headers });
    }
    await completeSession({ claims, sessionId: sessionId.data, outcome: form.data.outcome });
    return data<ActionResult>({ ok: true }, { headers });
  } catch (error) {
    // The outcome function refuses a second outcome (23514) and hides other customers' sessions (P0002).
    const refusal = translateDatabaseError(error, {
      wording: { unavailable: OFFLINE_MESSAGE, '23514': 'This session has already ended.', P0002: 'This session was not found.' },
    });
    if (!refusal) throw error;
    if (refusal.code === 'unavailable') {
      const answer = form.data.intent === 'step' ? form.data.answer : undefined;
      return data<ActionResult>({ ok: false, offline: true, formError: refusal.message, answer }, { status: 503, headers });
    }
    return data<ActionResult>({ ok: false, formError: refusal.message }, { status: refusal.status, headers });
  }
}

export default function TroubleshootSession() {
  const { session, alternatives, vehicle } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submittingOutcome = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'outcome';

  useEffect(() => {
    const cached: CachedGuide = { guideTitle: session.guideTitle, steps: session.steps.map(({ stepNumber, instruction }) => ({ stepNumber, instruction })) };
    try {
      window.sessionStorage.setItem(cacheKey(session.id), JSON.stringify(cached));
    } catch {
      // Storage full or disabled: the page still works, only the offline fallback is lost.
    }
  }, [session]);

  return (
    <div className="troubleshoot">
      <p className="troubleshoot-back">
        <Link to="/app/troubleshoot">← Describe another problem</Link>
      </p>
      <h1>{session.guideTitle ?? 'Guided fix'}</h1>
      <p className="lead">
        Your problem: “{session.issueDescription}”{session.vehicleLabel ? ` · ${session.vehicleLabel}` : ''}
      </p>
      {session.completedAt ? (
        <Outcome session={session} alternatives={alternatives} vehicle={vehicle} />
      ) : (
        <>
          {session.guideDescription ? <p>{session.guideDescription}</p> : null}
          <FormError message={result?.formError} />
          <Checklist sessionId={session.id} steps={session.steps} />
          <Form method="post" className="card troubleshoot-outcome" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">How did it go?</h2>
            <input type="hidden" name="intent" value="outcome" />
            <div className="actions">
              <button type="submit" name="outcome" value="resolved" className="button" disabled={submittingOutcome}>
                It&apos;s fixed
              </button>
              <button type="submit" name="outcome" value="not_resolved" className="button secondary" disabled={submittingOutcome}>
                Still broken
              </button>
              <button type="submit" name="outcome" value="another_issue" className="button secondary" disabled={submittingOutcome}>
                This isn&apos;t my problem
              </button>
            </div>
            <p className="field-hint">“Still broken” opens a ticket for a technician with everything you tried.</p>
          </Form>
        </>
      )}
    </div>
  );
}

function Checklist({ sessionId, steps }: { sessionId: string; steps: SessionStep[] }) {
  if (steps.length === 0) {
    return (
      <section className="empty-state" aria-label="No steps">
        <h2>This guide has no steps</h2>
        <p>
          Tell us below whether the problem is fixed, or <Link to="/app">chat with us</Link>.
        </p>
      </section>
    );
  }
  return (
    <ol className="troubleshoot-steps" aria-label="Steps to try">
      {steps.map((step) => (
        <StepItem key={step.stepNumber} sessionId={sessionId} step={step} />
      ))}
    </ol>
  );
}

function StepItem({ sessionId, step }: { sessionId: string; step: SessionStep }) {
  const fetcher = useFetcher<typeof action>();
  // While a request is out, or after it could not be saved, show the customer's answer anyway.
  const pendingAnswer = fetcher.formData?.get('answer');
  const savedAnswer = step.attempted === null ? null : step.attempted ? 'tried' : 'skipped';
  const answer = typeof pendingAnswer === 'string' ? pendingAnswer : ((fetcher.data?.offline ? fetcher.data.answer : null) ?? savedAnswer);
  const headingId = `step-${step.stepNumber}`;
  return (
    <li className={`troubleshoot-step${answer ? ` is-${answer}` : ''}`} aria-labelledby={headingId}>
      <p id={headingId} className="troubleshoot-step-text">
        {step.instruction}
      </p>
      <fetcher.Form method="post" action={`/app/troubleshoot/${sessionId}`} className="troubleshoot-step-actions">
        <input type="hidden" name="intent" value="step" />
        <input type="hidden" name="stepNumber" value={step.stepNumber} />
        <button type="submit" name="answer" value="tried" className="button small" aria-pressed={answer === 'tried'} aria-describedby={headingId}>
          I tried this
        </button>
        <button type="submit" name="answer" value="skipped" className="button small secondary" aria-pressed={answer === 'skipped'} aria-describedby={headingId}>
          Skip
        </button>
        <span className="troubleshoot-step-status" role="status">
          {fetcher.state !== 'idle' ? 'Saving…' : fetcher.data?.offline ? 'Not saved' : answer === 'tried' ? 'Tried' : answer === 'skipped' ? 'Skipped' : ''}
        </span>
      </fetcher.Form>
      {fetcher.state === 'idle' && fetcher.data?.formError ? (
        <p className="field-error" role="alert">
          {fetcher.data.formError}
        </p>
      ) : null}
    </li>
  );
}

function Outcome({ session, alternatives, vehicle }: { session: { id: string; issueDescription: string; resolved: boolean; misclassified: boolean; abandoned: boolean; ticketId: string | null; ticketNumber: string | null }; alternatives: GuideMatch[]; vehicle: string }) {
  if (session.resolved) {
    return (
      <section className="card troubleshoot-result is-resolved" role="status" aria-labelledby="result-heading">
        <h2 id="result-heading">Resolved — glad it&apos;s fixed!</h2>
        <p>We have recorded that this guide solved your problem. Nothing else to do.</p>
        <p>
          <Link to="/app">Back to my support</Link>
        </p>
      </section>
    );
  }
  if (session.ticketId && session.ticketNumber) {
    return (
      <section className="card troubleshoot-result" role="status" aria-labelledby="result-heading">
        <h2 id="result-heading">We opened a ticket for you</h2>
        <p>
          Your ticket is{' '}
          <Link to={`/app/tickets/${session.ticketId}`} data-testid="ticket-number">
            {session.ticketNumber}
          </Link>
          . A technician will look at it with the steps you tried
          {session.issueDescription ? ' and your description' : ''}.
        </p>
        <p>
          <Link to="/app">Back to my support</Link>
        </p>
      </section>
    );
  }
  if (session.misclassified) {
    return (
      <section className="card troubleshoot-result" role="status" aria-labelledby="result-heading">
        <h2 id="result-heading">Sorry, that guide did not fit</h2>
        {alternatives.length > 0 ? (
          <>
            <p>One of these may be closer to your problem:</p>
            <GuideChoiceList guides={alternatives} description={session.issueDescription} vehicle={vehicle} />
          </>
        ) : (
          <p>We have no other guide for this problem.</p>
        )}
        <p>
          Or <Link to="/app">chat with us</Link> about it.
        </p>
      </section>
    );
  }
  return (
    <section className="card troubleshoot-result" role="status" aria-labelledby="result-heading">
      <h2 id="result-heading">This session has ended</h2>
      <p>
        It was closed after a day without activity. <Link to="/app/troubleshoot">Start again</Link> or <Link to="/app">chat with us</Link>.
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { sessionId } = useParams();
  const [cached, setCached] = useState<CachedGuide | null>(null);
  useEffect(() => setCached(readCachedGuide(sessionId)), [sessionId]);
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorPanel title="Session not found" message="This troubleshooting session does not exist or is not yours." />;
  }
  if (!cached) {
    return <ErrorPanel title="Guided fix is unavailable" message="We cannot reach our servers right now. Please try again in a moment." />;
  }
  return (
    <div className="troubleshoot">
      <h1>{cached.guideTitle ?? 'Guided fix'}</h1>
      <div className="form-error" role="alert">
        {OFFLINE_MESSAGE}
      </div>
      <ol className="troubleshoot-steps" aria-label="Steps to try">
        {cached.steps.map((step) => (
          <li key={step.stepNumber} className="troubleshoot-step">
            <p className="troubleshoot-step-text">{step.instruction}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/app/troubleshoot/${sessionId ?? ''}`}>Try again</a>
      </p>
    </div>
  );
}
