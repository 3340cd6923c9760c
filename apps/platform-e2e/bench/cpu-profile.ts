import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Where a process's CPU time went, from the .cpuprofile files `node --cpu-prof` writes at exit:
// self time by area (our code, the framework, the drivers, V8) and the functions that took most.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const AREAS: readonly [RegExp, string][] = [
  [/node_modules[\\/](pg|pg-protocol|pg-pool|pg-types|postgres-\w+)[\\/]/, 'pg (PostgreSQL driver)'],
  [/node_modules[\\/](@prisma|prisma)[\\/]/, 'Prisma'],
  [/node_modules[\\/](@nestjs|express|body-parser|router|raw-body|finalhandler|send|serve-static|path-to-regexp|reflect-metadata|rxjs)[\\/]/, 'NestJS, Express, rxjs'],
  [/node_modules[\\/]zod[\\/]/, 'zod (validation)'],
  [/node_modules[\\/]jose[\\/]/, 'jose (tokens)'],
  [/node_modules[\\/]kafkajs[\\/]/, 'kafkajs'],
  [/node_modules[\\/]@opentelemetry[\\/]/, 'OpenTelemetry'],
  [/[\\/]dist[\\/](libs|apps)[\\/]/, 'Qorgau (libs, apps)'],
  [/^node:/, 'Node.js (streams, net, timers)'],
];

function areaOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)' || frame.url === '') return 'V8 and native (compiling, I/O, crypto)';
  for (const [test, area] of AREAS) if (test.test(frame.url)) return area;
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(frame.url)?.[1];
  return pkg ? `other: ${pkg}` : 'other';
}

/** Self time by area and the top functions, over the profiles in `dir` (what `name` wrote). */
export function summarizeProfiles(dir: string, name: string, topFunctions = 8): string[] {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.cpuprofile'))
        .map((file) => path.join(dir, file))
    : [];
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === '(idle)') return;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      busy += ms;
      byArea.set(areaOf(frame), (byArea.get(areaOf(frame)) ?? 0) + ms);
      const where = frame.url
        ? `${frame.url
            .replace(/^.*node_modules[\\/]/, '')
            .replace(/^.*[\\/]dist[\\/]/, '')
            .replace(/^file:\/\//, '')}:${frame.lineNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    });
  }
  if (busy === 0) return [`${name}: no profile in ${dir}`];
  const share = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  return [
    `${name}: ${(busy / 1000).toFixed(1)} s of CPU on the main thread, by area (self time)`,
    ...[...byArea].sort((a, b) => b[1] - a[1]).map(([area, ms]) => `    ${share(ms)}  ${area}`),
    `  the functions that took most (self time)`,
    ...[...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topFunctions)
      .map(([fn, ms]) => `    ${share(ms)}  ${fn}`),
  ];
}
