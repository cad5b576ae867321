// The admin pages' figure blocks (/admin, /admin/reports): a range switch, stats, panels, bar tables and a column
// chart. Each number is also in a real table or list, so screen readers read a label and its number together.
import { Link } from '@remix-run/react';
import { useState, type ReactNode } from 'react';
import { dashboardRanges } from '~/lib/shared/support-dashboard';
import { whole } from '~/lib/shared/format-figures';

/** 7 / 30 / 90 days as links (plain navigation: keyboard, back button and shareable URLs for free). */
export function RangeSwitch({ days }: { days: number }) {
  return (
    <nav className="range-switch" aria-label="Time range">
      {dashboardRanges.map((range) => (
        <Link key={range} to={`?days=${range}`} aria-current={range === days ? 'page' : undefined} preventScrollReset>
          {range} days
        </Link>
      ))}
    </nav>
  );
}

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {hint ? <span className="field-hint">{hint}</span> : null}
      </dd>
    </div>
  );
}

export function Panel({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'card dashboard-panel dashboard-panel-wide' : 'card dashboard-panel'} aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Label, number and a proportional bar per row; a real table, so screen readers read label and number together. */
export function BarTable({ caption, rows, format = (value) => whole.format(value) }: {
  caption: string;
  rows: Array<{ label: ReactNode; key?: string; value: number }>;
  format?: (value: number) => string;
}) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  if (rows.length === 0) return <p className="field-hint">None in this range.</p>;
  return (
    <table className="bar-table">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.key ?? (typeof row.label === 'string' ? row.label : index)}>
            <th scope="row">{row.label}</th>
            <td className="bar-cell" aria-hidden="true">
              {row.value > 0 ? <span className="bar" style={{ width: `${(row.value / largest) * 100}%` }} /> : null}
            </td>
            <td className="bar-value">{format(row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const columnChartHeight = 120;
const columnWidth = 10;
const columnGap = 2;

/**
 * Columns over time (a day or a week each) under a value axis (0, half and the largest). Each column's whole height is
 * its hover target (zero columns included, which have no bar to hover), with its text in an SVG <title> and in the
 * readout beside the title; a visually-hidden table gives every value to screen readers (issue 21).
 */
export function ColumnChart({ id, title, summary, columns, valueName, format = (value) => whole.format(value), describe }: {
  id: string;
  title: string;
  summary: string;
  columns: Array<{ key: string; label: string; value: number }>;
  valueName: string;
  format?: (value: number) => string;
  /** The hover text of a column; "label: value" unless given. */
  describe?: (column: { label: string; value: number }) => string;
}) {
  const [hovered, setHovered] = useState<string | null>(null);
  const text = describe ?? ((column: { label: string; value: number }) => `${column.label}: ${format(column.value)}`);
  const largest = Math.max(0, ...columns.map((column) => column.value));
  const scale = largest > 0 ? largest : 1;
  const width = Math.max(1, columns.length * (columnWidth + columnGap));
  const first = columns[0];
  const middle = columns[Math.floor(columns.length / 2)];
  const last = columns[columns.length - 1];
  const pointed = columns.find((column) => column.key === hovered);
  return (
    <figure className="card tickets-chart">
      <figcaption className="tickets-chart-caption">
        <h3>{title}</h3>
        {columns.length > 0 ? (
          <output className="tickets-chart-readout" data-testid="chart-readout" aria-hidden="true">
            {pointed ? text(pointed) : 'Point at a column to see its number'}
          </output>
        ) : null}
      </figcaption>
      {columns.length === 0 ? (
        <p className="field-hint">Nothing in this range.</p>
      ) : (
        <>
          <div className="tickets-chart-body">
            <div className="tickets-chart-y-axis" aria-hidden="true" data-testid="chart-y-axis">
              <span>{format(largest)}</span>
              <span>{largest > 0 ? format(largest / 2) : ''}</span>
              <span>{format(0)}</span>
            </div>
            <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${width} ${columnChartHeight}`} preserveAspectRatio="none" className="tickets-chart-svg" onMouseLeave={() => setHovered(null)}>
              <title id={`${id}-title`}>{summary}</title>
              <line x1={0} x2={width} y1={columnChartHeight / 2} y2={columnChartHeight / 2} className="tickets-chart-grid" />
              {columns.map((column, index) => {
                const height = (column.value / scale) * (columnChartHeight - 4);
                return (
                  <g key={column.key} className="tickets-chart-day" data-day={column.key} onMouseEnter={() => setHovered(column.key)}>
                    <title>{text(column)}</title>
                    <rect x={index * (columnWidth + columnGap)} y={0} width={columnWidth + columnGap} height={columnChartHeight} className="tickets-chart-hit" />
                    <rect x={index * (columnWidth + columnGap)} y={columnChartHeight - height} width={columnWidth}
                      height={Math.max(height, column.value > 0 ? 1 : 0)} className="tickets-chart-bar" />
                  </g>
                );
              })}
            </svg>
          </div>
          <div className="tickets-chart-axis" aria-hidden="true">
            <span>{first?.label ?? ''}</span>
            <span>{middle && columns.length > 2 ? middle.label : ''}</span>
            <span>{last?.label ?? ''}</span>
          </div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">{valueName}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.key}>
                  <th scope="row">{column.label}</th>
                  <td>{format(column.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
