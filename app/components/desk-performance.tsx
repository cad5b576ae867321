// /admin: SLA attainment, CSAT over time and per technician, and each technician's first-response and resolution
// medians and open load (issue 16). Numbers in tables, so they read the same with a screen reader.
import { formatDuration, percent } from '~/lib/shared/format-figures';
import { shareOf, type DeskPerformance } from '~/lib/shared/desk-performance';


export function DeskPerformanceFigures({ figures }: { figures: DeskPerformance }) {
  const csat = shareOf(figures.csat.satisfied, figures.csat.ratings - figures.csat.satisfied);
  return (
    <section className="dashboard" aria-labelledby="desk-performance-title" data-testid="desk-performance">
      <h2 id="desk-performance-title">Desk: SLA and satisfaction over {figures.days} days</h2>
      <dl className="figure-row">
        <div>
          <dt>First-response SLA met</dt>
          <dd data-testid="sla-first-response">{percent(shareOf(figures.sla.first_response_met, figures.sla.first_response_missed))}</dd>
        </div>
        <div>
          <dt>Resolution SLA met</dt>
          <dd data-testid="sla-resolution">{percent(shareOf(figures.sla.resolution_met, figures.sla.resolution_missed))}</dd>
        </div>
        <div>
          <dt>CSAT (rated 4–5)</dt>
          <dd data-testid="csat">
            {percent(csat)} <span className="muted">of {figures.csat.ratings} rating{figures.csat.ratings === 1 ? '' : 's'}</span>
          </dd>
        </div>
      </dl>
      {figures.csat_by_day.length > 0 ? (
        <table className="data-table" aria-label="CSAT per day">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="numeric">Ratings</th>
              <th scope="col" className="numeric">CSAT</th>
            </tr>
          </thead>
          <tbody>
            {figures.csat_by_day.map((day) => (
              <tr key={day.day}>
                <td>{day.day}</td>
                <td className="numeric">{day.ratings}</td>
                <td className="numeric">{percent(shareOf(day.satisfied, day.ratings - day.satisfied))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="data-table" aria-label="Per technician" data-testid="technician-figures">
        <thead>
          <tr>
            <th scope="col">Technician</th>
            <th scope="col" className="numeric">Open</th>
            <th scope="col" className="numeric">First response (median)</th>
            <th scope="col" className="numeric">Resolution (median)</th>
            <th scope="col" className="numeric">CSAT</th>
            <th scope="col" className="numeric">SLA met</th>
          </tr>
        </thead>
        <tbody>
          {figures.technicians.map((technician) => (
            <tr key={technician.technician_id}>
              <th scope="row">{technician.name ?? 'Unnamed technician'}</th>
              <td className="numeric">{technician.open_load}</td>
              <td className="numeric">{formatDuration(technician.first_response_median_minutes)}</td>
              <td className="numeric">{formatDuration(technician.resolution_median_minutes)}</td>
              <td className="numeric">
                {percent(shareOf(technician.satisfied, technician.ratings - technician.satisfied))} <span className="muted">({technician.ratings})</span>
              </td>
              <td className="numeric">{percent(shareOf(technician.sla_met, technician.sla_missed))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
