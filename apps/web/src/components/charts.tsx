import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import type { Language } from '../lib/i18n';

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
    const url = URL.createObjectURL(new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName}.csv`;
    link.click();
    URL.revokeObjectURL(url);
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
  const short = (label: string) => (label.length > 34 ? `${label.slice(0, 33)}…` : label);
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

/**
 * The project regions as tiles where they lie on the map of Kazakhstan (a tile grid map: no
 * boundaries to ship or keep up to date), coloured by the chosen indicator.
 */
const TILES: Record<string, readonly [column: number, row: number]> = {
  'KZ-23': [0, 1], // Atyrau
  'KZ-47': [0, 2], // Mangystau
  'KZ-71': [3, 0], // Astana
  'KZ-35': [3, 1], // Karaganda
  'KZ-63': [5, 1], // East Kazakhstan
  'KZ-61': [2, 2], // Turkistan
  'KZ-79': [3, 3], // Shymkent
  'KZ-75': [5, 3], // Almaty
};

export function TileMap({ title, data, columns, fileName }: { title: string; data: readonly Datum[]; columns: [string, string]; fileName: string }) {
  const { i18n } = useTranslation();
  const id = useId();
  const size = 92;
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <ChartFigure title={title} data={data} columns={columns} fileName={fileName}>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${6 * size} ${4 * size}`} className="tiles" preserveAspectRatio="xMinYMin meet">
        <title id={id}>{title}</title>
        {data.map((d) => {
          const tile = TILES[d.key];
          if (!tile) return null;
          const shade = d.value / max;
          return (
            <g key={d.key} transform={`translate(${tile[0] * size} ${tile[1] * size})`}>
              <rect x={3} y={3} width={size - 6} height={size - 6} rx={8} style={{ fill: `rgba(11, 92, 173, ${0.12 + 0.88 * shade})` }} />
              <text x={size / 2} y={size / 2 - 4} textAnchor="middle" className={shade > 0.75 ? 'tile-label dark' : 'tile-label'}>
                {d.label.length > 12 ? `${d.label.slice(0, 11)}…` : d.label}
              </text>
              <text x={size / 2} y={size / 2 + 16} textAnchor="middle" className={shade > 0.75 ? 'tile-value dark' : 'tile-value'}>
                {formatNumber(d.value, i18n.language as Language)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
