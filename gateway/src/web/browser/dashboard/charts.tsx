/**
 * The dashboard's charts: plain SVG drawn by React, no chart library and no map tiles (the
 * page must work offline).
 */

export interface Bar {
  label: string;
  value: number;
}

/** Vertical bars over time (orders per minute); the last bar is the current minute. */
export function ColumnChart({ bars, height = 90, title }: { bars: Bar[]; height?: number; title: string }) {
  const width = 640;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={title}>
      {bars.map((bar, i) => {
        const h = (bar.value / max) * height;
        return (
          <g key={bar.label}>
            <rect x={i * step + 1} y={height - h} width={Math.max(1, step - 2)} height={h} className="bar">
              <title>{`${bar.label}: ${bar.value}`}</title>
            </rect>
            {i % 10 === 0 || i === bars.length - 1 ? (
              <text x={i === bars.length - 1 ? width : i * step} y={height + 12} className="axis" textAnchor={i === bars.length - 1 ? 'end' : 'start'}>
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <text x={2} y={10} className="axis">{`max ${max}/min`}</text>
    </svg>
  );
}

/** Horizontal bars for rates between 0 and 1 (completion per agent). */
export function RateBars({ bars, title }: { bars: Bar[]; title: string }) {
  const row = 16;
  const labelWidth = 200;
  const width = 640;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${Math.max(row, bars.length * row)}`} role="img" aria-label={title}>
      {bars.map((bar, i) => (
        <g key={bar.label} transform={`translate(0 ${i * row})`}>
          <text x={0} y={row - 4} className="label">
            {bar.label}
          </text>
          <rect x={labelWidth} y={2} width={(width - labelWidth - 40) * bar.value} height={row - 4} className="bar" />
          <text x={width} y={row - 4} className="axis" textAnchor="end">
            {`${Math.round(bar.value * 100)}%`}
          </text>
        </g>
      ))}
    </svg>
  );
}

export interface Point {
  id: string;
  lat: number;
  lng: number;
  label: string;
  kind: string;
}

/** Check-ins by longitude (x) and latitude (y), scaled to the points' own bounding box. */
export function GeoPlot({ points, title }: { points: Point[]; title: string }) {
  const width = 640;
  const height = 200;
  const pad = 14;
  if (!points.length) return <p className="muted">No check-ins yet today.</p>;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  // The points' bounding box and a tenth more around it, at least ~1 km, so no dot sits on the frame.
  const spread = (values: number[]) => Math.max(0.01, Math.max(...values) - Math.min(...values)) / 10;
  const [minLat, maxLat] = [Math.min(...lats) - spread(lats), Math.max(...lats) + spread(lats)];
  const [minLng, maxLng] = [Math.min(...lngs) - spread(lngs), Math.max(...lngs) + spread(lngs)];
  const x = (lng: number) => pad + ((lng - minLng) / Math.max(1e-6, maxLng - minLng)) * (width - 2 * pad);
  const y = (lat: number) => height - pad - ((lat - minLat) / Math.max(1e-6, maxLat - minLat)) * (height - 2 * pad);
  return (
    <svg className="chart geo" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <rect x={0} y={0} width={width} height={height} className="frame" />
      {points.map((p) => (
        <circle key={p.id} cx={x(p.lng)} cy={y(p.lat)} r={4} className={`dot ${p.kind}`}>
          <title>{p.label}</title>
        </circle>
      ))}
      <text x={pad} y={height - 2} className="axis">{`${minLng.toFixed(2)}°E`}</text>
      <text x={width - pad} y={height - 2} className="axis" textAnchor="end">{`${maxLng.toFixed(2)}°E`}</text>
      <text x={2} y={10} className="axis">{`${maxLat.toFixed(2)}°N`}</text>
    </svg>
  );
}

/** A run's progress: processed of total. */
export function Progress({ value, total }: { value: number; total: number }) {
  const share = total > 0 ? Math.min(1, value / total) : 0;
  return (
    <div className="progress" role="progressbar" aria-valuenow={value} aria-valuemax={total}>
      <div style={{ width: `${share * 100}%` }} />
    </div>
  );
}
