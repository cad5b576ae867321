// Admin: every guide with its figures (sessions, resolution rate, average steps to resolution, misclassification
// rate) from the admin-only public.guide_figures view, and publish / unpublish in place.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { EmptyState } from '~/components/app-shell';
import { FormError } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { listGuideFigures, setGuidePublished } from '~/models/guides.server';

export const meta: MetaFunction = () => [{ title: 'Guides · Admin · Support Hub' }];

const publishSchema = z.object({ guideId: z.string().uuid(), publish: z.enum(['true', 'false']) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const guides = await listGuideFigures({ claims });
  return data({ guides }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const form = publishSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ formError: 'That change was not understood.' }, { status: 400, headers });
  const saved = await setGuidePublished({ claims, guideId: form.data.guideId, isPublished: form.data.publish === 'true' });
  if (!saved) return data({ formError: 'That guide no longer exists.' }, { status: 404, headers });
  return data({ formError: undefined }, { headers });
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export default function AdminGuides() {
  const { guides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyGuide = navigation.state === 'submitting' ? navigation.formData?.get('guideId') : null;
  return (
    <div className="admin-guides">
      <h1>Guides</h1>
      <p className="lead">Guided troubleshooting flows customers follow under “Guided fix”, and how well each one works.</p>
      <div className="actions">
        <Link to="/admin/guides/new" className="button">
          New guide
        </Link>
      </div>
      <FormError message={result?.formError} />
      {guides.length === 0 ? (
        <EmptyState title="No guides yet" action={<Link to="/admin/guides/new">Write the first guide</Link>}>
          Guides walk customers through the checks that fix common problems before a ticket is needed.
        </EmptyState>
      ) : (
        <table>
          <caption className="visually-hidden">Guides and their figures</caption>
          <thead>
            <tr>
              <th scope="col">Guide</th>
              <th scope="col">Status</th>
              <th scope="col">Sessions</th>
              <th scope="col">Resolution rate</th>
              <th scope="col">Avg. steps to resolution</th>
              <th scope="col">Misclassification rate</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {guides.map((guide) => (
              <tr key={guide.guideId}>
                <th scope="row">
                  <Link to={`/admin/guides/${guide.guideId}`}>{guide.title}</Link>
                  <div className="field-hint">
                    {guide.slug} · {guide.stepCount} steps
                  </div>
                </th>
                <td>
                  <span className={`status-badge${guide.isPublished ? ' is-published' : ''}`}>{guide.isPublished ? 'Published' : 'Draft'}</span>
                </td>
                <td>
                  {guide.sessions}
                  {guide.abandonedSessions > 0 ? <div className="field-hint">{guide.abandonedSessions} left mid-way</div> : null}
                </td>
                <td>{percent(guide.resolutionRate)}</td>
                <td>{guide.averageStepsToResolution === null ? '—' : guide.averageStepsToResolution.toFixed(1)}</td>
                <td>{percent(guide.misclassificationRate)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="guideId" value={guide.guideId} />
                    <input type="hidden" name="publish" value={guide.isPublished ? 'false' : 'true'} />
                    <button type="submit" className="button small secondary" disabled={busyGuide === guide.guideId} aria-label={`${guide.isPublished ? 'Unpublish' : 'Publish'} ${guide.title}`}>
                      {guide.isPublished ? 'Unpublish' : 'Publish'}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The guides could not be shown.',
  unexpected: { title: 'Guides are unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
