// The desk board's answer to an action ("You claimed TCK-…", "Already claimed by …"), kept until the technician
// dismisses it (issue 16): the board reloads on every live change, and a refusal that vanished with the next
// refresh was read by nobody. A new answer replaces the old one.
import { useEffect, useState } from 'react';

export interface DeskActionAnswer {
  tone: 'success' | 'error';
  message: string;
}

export function DeskActionNotice({ answer }: { answer: DeskActionAnswer | undefined }) {
  const [shown, setShown] = useState<DeskActionAnswer | undefined>(answer);
  useEffect(() => {
    if (answer) setShown(answer);
  }, [answer]);
  if (!shown) return null;
  return (
    <div className="desk-action-notice" data-testid="desk-action-notice">
      <p className={shown.tone === 'success' ? 'form-notice' : 'form-error'} role={shown.tone === 'success' ? 'status' : 'alert'}>
        {shown.message}
      </p>
      <button type="button" className="button secondary small" onClick={() => setShown(undefined)}>
        Dismiss
      </button>
    </div>
  );
}
