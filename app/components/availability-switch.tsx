// The desk's online / away switch: while online, automatic assignment may hand this technician new tickets of
// their areas (up to their capacity). A fetcher form, so flipping it keeps the page where it is; the shown state
// follows the submission at once and the layout's reload confirms it.
import { useFetcher } from '@remix-run/react';

export function AvailabilitySwitch({ isOnline }: { isOnline: boolean }) {
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get('isOnline');
  const shown = pending === undefined || pending === null ? isOnline : pending === 'true';
  return (
    <fetcher.Form method="post" action="/desk/availability" className="availability-switch">
      <input type="hidden" name="isOnline" value={shown ? 'false' : 'true'} />
      <span className={shown ? 'availability-online' : 'availability-away'} data-testid="availability-state">
        {shown ? 'Online' : 'Away'}
      </span>
      <button type="submit" className="button secondary small" aria-pressed={shown} title="Online technicians receive automatically assigned tickets">
        {shown ? 'Go away' : 'Go online'}
      </button>
    </fetcher.Form>
  );
}
