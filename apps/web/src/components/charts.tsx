import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { saveFile } from '../lib/save-file';
import type { Language } from '../lib/i18n';
import regionsGeoJson from './kz-regions.geo.json';

/** One labelled number of a chart; `key` is what the CSV carries beside the label (a code). */
export interface Datum {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

/**
 * Every chart's numbers as a table (for screen readers, and for people who copy figures into donor
 * reports) and as a CSV download. Drawn as plain SVG: no charting library in the bundle.
 */
function ChartFigure({ title, data, columns, children, fileName }: { title: string; data: readonly Datum[]; columns: [string, string]; children: React.ReactNode; fileName: string }) {
  const { t, i18n } = useTranslation('hq-dashboard');
  const language = i18n.language as Language;
  const download = () => {
    // UTF-8 with a byte-order mark, so Excel on Windows opens Kazakh and Russian as they are.
    const escape = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    const lines = [['code', columns[0], columns[1]].map(escape).join(','), ...data.map((d) => [d.key, d.label, String(d.value)].map(escape).join(','))];
    saveFile(new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  };
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {children}
      <details>
        <summary>{t('chartAsTable', { chart: title })}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col" className="number">
                {columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                <td className="number">{formatNumber(d.value, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" className="link" onClick={download}>
        {t('download')}
        <span className="visually-hidden">: {title}</span>
      </button>
    </figure>
  );
}

/** Horizontal bars, one per datum, longest first as given. */
export function BarChart({ title, data, columns, fileName }: { title: string; data: readonly Datum[]; columns: [string, string]; fileName: string }) {
  const { i18n } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 26;
  const labelWidth = 230;
  const width = 620;
  // Long labels are shortened in the drawing; the table beneath has them whole.
  const short = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);
  return (
    <ChartFigure title={title} data={data} columns={columns} fileName={fileName}>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${width} ${data.length * row + 4}`} className="bars" preserveAspectRatio="xMinYMin meet">
        <title id={id}>{title}</title>
        {data.map((d, i) => {
          const length = ((width - labelWidth - 60) * d.value) / max;
          return (
            <g key={d.key} transform={`translate(0 ${i * row})`}>
              <text x={labelWidth - 6} y={row / 2 + 4} textAnchor="end" className="axis">
                {short(d.label)}
              </text>
              <rect x={labelWidth} y={4} width={Math.max(length, d.value > 0 ? 2 : 0)} height={row - 8} className="bar" />
              <text x={labelWidth + length + 6} y={row / 2 + 4} className="value">
                {formatNumber(d.value, i18n.language as Language)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

/** A line over the months of the period, with a dot per month. */
export function LineChart({ title, data, columns, fileName }: { title: string; data: readonly Datum[]; columns: [string, string]; fileName: string }) {
  const id = useId();
  const width = 560;
  const height = 160;
  const pad = 28;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = (i: number) => pad + (data.length <= 1 ? 0 : ((width - 2 * pad) * i) / (data.length - 1));
  const y = (value: number) => height - pad - ((height - 2 * pad) * value) / max;
  return (
    <ChartFigure title={title} data={data} columns={columns} fileName={fileName}>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${width} ${height}`} className="line" preserveAspectRatio="xMinYMin meet">
        <title id={id}>{title}</title>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis-line" />
        <polyline points={data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ')} className="trend" />
        {data.map((d, i) => (
          <g key={d.key}>
            <circle cx={x(i)} cy={y(d.value)} r={3} className="dot" />
            {(data.length <= 12 || i % Math.ceil(data.length / 12) === 0) && (
              <text x={x(i)} y={height - 8} textAnchor="middle" className="axis">
                {d.key.slice(5)}
              </text>
            )}
          </g>
        ))}
        <text x={4} y={y(max) + 4} className="axis">
          {max}
        </text>
      </svg>
    </ChartFigure>
  );
}

interface RegionShape {
  readonly code: string;
  readonly path: string;
  /** Where the region's number is written: inside its largest ring. */
  readonly label: readonly [x: number, y: number];
  readonly city: boolean;
}

// An equirectangular projection at 48° N (Kazakhstan's middle), which keeps the country's shape
// without a projection library; x and y in the SVG's units.
const WEST = 46.4,
  NORTH = 55.5,
  SCALE = 20,
  STRETCH = Math.cos((48 * Math.PI) / 180);
const project = ([lon, lat]: readonly number[]) => [((lon ?? 0) - WEST) * SCALE * STRETCH, (NORTH - (lat ?? 0)) * SCALE] as const;
const CITIES = new Set(['KZ-71', 'KZ-75', 'KZ-79']);
/**
 * Where a label would sit on another's, it moves: Turkistan's middle is where Shymkent's circle is
 * drawn, and East Kazakhstan's name would run into Karaganda's.
 */
const LABEL_AT: Record<string, readonly [lon: number, lat: number]> = { 'KZ-61': [68.2, 44.6], 'KZ-63': [85.2, 48.1] };

/** The regions' outlines as SVG paths, made once from the shipped GeoJSON. */
const REGION_SHAPES: readonly RegionShape[] = regionsGeoJson.features.map(({ properties, geometry }) => {
  let largest: readonly (readonly number[])[] = [];
  const path = geometry.coordinates
    .flatMap((polygon) =>
      polygon.map((ring) => {
        if (ring.length > largest.length) largest = ring;
        return `M${ring
          .map((point) =>
            project(point)
              .map((n) => n.toFixed(1))
              .join(' '),
          )
          .join('L')}Z`;
      }),
    )
    .join('');
  const points = largest.map(project);
  const at = LABEL_AT[properties.code];
  const label = at ? project(at) : ([points.reduce((sum, [x]) => sum + x, 0) / points.length, points.reduce((sum, [, y]) => sum + y, 0) / points.length] as const);
  return { code: properties.code, path, label, city: CITIES.has(properties.code) };
});
const MAP_WIDTH = Math.ceil(project([87.4, 0])[0]);
const MAP_HEIGHT = Math.ceil(project([0, 40.5])[1]);

/**
 * Kazakhstan's twenty regions (the shipped GeoJSON, docs in its README), the project regions shaded
 * by the chosen indicator and labelled with their numbers, so colour never carries a figure alone.
 * The three cities are too small to see at this scale: each is a marked circle.
 */
export function RegionMap({ title, data, columns, fileName }: { title: string; data: readonly Datum[]; columns: [string, string]; fileName: string }) {
  const { t, i18n } = useTranslation(['hq-dashboard', 'enums']);
  const id = useId();
  const values = new Map(data.map((d) => [d.key, d]));
  const max = Math.max(1, ...data.map((d) => d.value));
  const shade = (value: number) => `rgba(11, 92, 173, ${0.12 + 0.88 * (value / max)})`;
  const shown = REGION_SHAPES.filter((shape) => values.has(shape.code));
  return (
    <ChartFigure title={title} data={data} columns={columns} fileName={fileName}>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="region-map" preserveAspectRatio="xMinYMin meet">
        <title id={id}>{title}</title>
        {REGION_SHAPES.map((shape) => {
          const datum = values.get(shape.code);
          return (
            <path key={shape.code} d={shape.path} className={datum ? 'region shown' : 'region'} style={datum && !shape.city ? { fill: shade(datum.value) } : undefined}>
              <title>{datum ? `${datum.label}: ${formatNumber(datum.value, i18n.language as Language)}` : t(`enums:region.${shape.code}`)}</title>
            </path>
          );
        })}
        {shown.map((shape) => {
          const datum = values.get(shape.code)!;
          const [x, y] = shape.label;
          // Cities' names stand beside their circles; a region at the eastern edge ends its name there.
          const anchor = shape.city ? 'start' : x > MAP_WIDTH * 0.8 ? 'end' : 'middle';
          // White text only where it stays on its own dark region.
          const dark = anchor === 'middle' && datum.value / max > 0.6;
          const dx = shape.city ? 12 : anchor === 'end' ? 24 : 0;
          return (
            <g key={shape.code} transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
              {shape.city && <circle r={9} className="city" style={{ fill: shade(datum.value) }} />}
              <text x={dx} y={shape.city ? 5 : 0} textAnchor={anchor} className={dark ? 'map-label dark' : 'map-label'}>
                {datum.label.length > 16 ? `${datum.label.slice(0, 15)}…` : datum.label}
              </text>
              <text x={dx} y={shape.city ? 21 : 16} textAnchor={anchor} className={dark ? 'map-value dark' : 'map-value'}>
                {formatNumber(datum.value, i18n.language as Language)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="hint">{t('mapSource')}</p>
    </ChartFigure>
  );
}
