import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ChartRow {
  label: string;
  values: (string | number)[];
}

/**
 * A chart with its numbers beside it: the drawing is hidden from screen readers, the same figures are a
 * real table (folded under "Show the numbers") that anyone can read or copy.
 */
export function ChartFigure({
  title,
  note,
  columns,
  rows,
  children,
}: {
  title: string;
  note?: string;
  columns: string[];
  rows: ChartRow[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        {note && <span className="muted"> — {note}</span>}
      </figcaption>
      {/* inert as well: the chart library's SVG is focusable, and nothing hidden may take focus */}
      <div className="chart-canvas" aria-hidden="true" inert>
        {children}
      </div>
      <details>
        <summary>{t('chart.showNumbers')}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                {columns.slice(1).map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
