// An SLA deadline as a countdown that keeps counting on screen ("in 1 h 20 min", "12 min overdue"): re-rendered
// every 30 seconds, so a deadline passes where the technician is looking (issue 16).
import { useEffect, useState } from 'react';
import { LocalTime } from './time';

function spoken(milliseconds: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(milliseconds) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function SlaCountdown({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!dueAt) return <span className="muted">{breached ? 'Missed' : '—'}</span>;
  const due = new Date(dueAt).getTime();
  // On the server (and the first client render) there is no "now" yet: show the time itself, hydrate into the countdown.
  if (now === null) return <LocalTime iso={dueAt} />;
  const left = due - now;
  return (
    <time dateTime={dueAt} className={left < 0 || breached ? 'sla-overdue' : left < 60 * 60_000 ? 'sla-soon' : undefined} data-testid="sla-due">
      {left < 0 ? `${spoken(left)} overdue` : `in ${spoken(left)}`}
    </time>
  );
}
