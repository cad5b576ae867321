// Guided fix, step 1: the customer describes the problem (and may pick a vehicle); a confident match starts a
// session on that guide straight away, a weak one asks the customer to choose among the top 3.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GuideChoiceList } from '~/components/guide-choices';
import { FormError, TextAreaField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { LocalTime } from '~/components/time';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { isVehicleValue } from '~/lib/shared/troubleshooting';
import { listRecentSessions, listVehicleChoices, matchGuides, startSession, type GuideMatch, type RecentSession } from '~/models/troubleshooting.server';

export const meta: MetaFunction = () => [{ title: 'Guided fix · Support Hub' }];

const describeSchema = z.object({
  description: z.string().trim().min(8, 'Describe the problem in a few words (at least 8 characters).').max(2000, 'Use at most 2,000 characters.'),
  vehicle: z.string().refine(isVehicleValue, 'Choose a vehicle from the list.').default(''),
});
const startSchema = describeSchema.extend({ guideId: z.string().uuid('Choose one of the guides.') });

type DescribeResult = {
  fieldErrors: FieldErrors;
  formError?: string;
  candidates?: GuideMatch[];
  description?: string;
  vehicle?: string;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const [vehicles, recentSessions] = await Promise.all([listVehicleChoices({ claims }), listRecentSessions({ claims })]);
  return data({ vehicles, recentSessions }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const formData = await request.formData();
  const intent = formData.get('intent');
  try {
    if (intent === 'start') {
      const form = parseForm(startSchema, formData);
      if (!form.success) return data<DescribeResult>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
      const sessionId = await startSession({ claims, description: form.data.description, guideId: form.data.guideId, vehicle: form.data.vehicle });
      return redirect(`/app/troubleshoot/${sessionId}`, { headers });
    }
    const form = parseForm(describeSchema, formData);
    if (!form.success) return data<DescribeResult>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
    const candidates = await matchGuides({ claims, description: form.data.description });
    const best = candidates[0];
    if (best?.confident) {
      const sessionId = await startSession({ claims, description: form.data.description, guideId: best.guideId, vehicle: form.data.vehicle });
      return redirect(`/app/troubleshoot/${sessionId}`, { headers });
    }
    return data<DescribeResult>({ fieldErrors: {}, candidates, description: form.data.description, vehicle: form.data.vehicle }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    const refusal = translateDatabaseError(error, {
      wording: { unavailable: 'We cannot reach our servers right now, so no guide could be found. Please try again in a moment.' },
    });
    if (!refusal) throw error;
    if (refusal.field) return data<DescribeResult>({ fieldErrors: { [refusal.field]: refusal.message } }, { status: refusal.status, headers });
    return data<DescribeResult>({ fieldErrors: {}, formError: refusal.message }, { status: refusal.status, headers });
  }
}

export default function TroubleshootStart() {
  const { vehicles, recentSessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formAction?.startsWith('/app/troubleshoot') === true;
  const formRef = useFocusFirstInvalid(result);
  const descriptionError = result?.fieldErrors['description'];
  const vehicleError = result?.fieldErrors['vehicle'];
  return (
    <div className="troubleshoot">
      <h1>Guided fix</h1>
      <p className="lead">Tell us what is wrong and we will walk you through the checks that fix it most often.</p>
      <Form method="post" className="card form" ref={formRef} aria-labelledby="describe-heading">
        <h2 id="describe-heading">What is the problem?</h2>
        <FormError message={result?.formError} />
        <input type="hidden" name="intent" value="match" />
        <TextAreaField
          name="description"
          label="Describe the problem"
          rows={3}
          required
          minLength={8}
          maxLength={2000}
          defaultValue={result?.description ?? ''}
          placeholder="For example: my car won't start after the rain"
          error={descriptionError}
        />
        <div className="field">
          <label htmlFor="field-vehicle">Vehicle (optional)</label>
          <select
            id="field-vehicle"
            name="vehicle"
            defaultValue={result?.vehicle ?? ''}
            aria-invalid={vehicleError ? true : undefined}
            aria-describedby={vehicleError ? 'field-vehicle-error' : 'field-vehicle-hint'}
          >
            <option value="">No particular vehicle</option>
            {vehicles.own.length > 0 ? (
              <optgroup label="Your vehicles">
                {vehicles.own.map((vehicle) => (
                  <option key={vehicle.value} value={vehicle.value}>
                    {vehicle.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {vehicles.catalogue.map((group) => (
              <optgroup key={group.make} label={`${group.make} (catalogue)`}>
                {group.models.map((vehicle) => (
                  <option key={vehicle.value} value={vehicle.value}>
                    {vehicle.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p className="field-hint" id="field-vehicle-hint">
            A technician sees it if the guide does not fix the problem. Picking a model adds it to your vehicles.
          </p>
          {vehicleError ? (
            <p className="field-error" id="field-vehicle-error">
              {vehicleError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Finding a guide…' : 'Find a guide'}
        </button>
      </Form>

      {result?.candidates ? <GuideChoice candidates={result.candidates} description={result.description ?? ''} vehicle={result.vehicle ?? ''} busy={busy} /> : null}
      <RecentSessions sessions={recentSessions} />
    </div>
  );
}

function GuideChoice({ candidates, description, vehicle, busy }: { candidates: GuideMatch[]; description: string; vehicle: string; busy: boolean }) {
  if (candidates.length === 0) {
    return (
      <section className="card troubleshoot-choice" aria-labelledby="choice-heading" role="status">
        <h2 id="choice-heading">We have no guide for that yet</h2>
        <p>
          None of our guides matches your description. <Link to="/app">Ask our assistant or a technician</Link> instead, or describe the problem in other words.
        </p>
      </section>
    );
  }
  return (
    <section className="card troubleshoot-choice" aria-labelledby="choice-heading" role="status">
      <h2 id="choice-heading">Which of these fits best?</h2>
      <p>We are not sure which guide fits your problem. Choose the closest one:</p>
      <GuideChoiceList guides={candidates} description={description} vehicle={vehicle} disabled={busy} />
      <p>
        None of these? <Link to="/app">Chat with us</Link>.
      </p>
    </section>
  );
}

const statusLabel: Record<RecentSession['status'], string> = {
  in_progress: 'In progress',
  resolved: 'Fixed',
  ticket: 'Ticket opened',
  wrong_guide: 'Wrong guide',
  left: 'Left unfinished',
};

function RecentSessions({ sessions }: { sessions: RecentSession[] }) {
  if (sessions.length === 0) {
    return (
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Your guided fixes</h2>
        <p className="field-hint">None yet. Guides you follow appear here, so you can pick one up where you left it.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Your guided fixes</h2>
      <ul className="recent-sessions">
        {sessions.map((session) => (
          <li key={session.id}>
            <Link to={`/app/troubleshoot/${session.id}`}>{session.guideTitle ?? session.issueDescription}</Link>{' '}
            <span className={`status-badge status-${session.status}`}>
              {statusLabel[session.status]}
              {session.ticketNumber ? ` · ${session.ticketNumber}` : ''}
            </span>
            <div className="field-hint">
              “{session.issueDescription}” · <LocalTime iso={session.startedAt} style="date" />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Guide not found' } },
  response: 'That guide is not available. Go back and describe the problem again.',
  unexpected: { title: 'Guided fix is unavailable', message: 'We cannot reach our servers right now. Please try again in a moment, or come back later.' },
});
