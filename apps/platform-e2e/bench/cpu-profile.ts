import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Where a process's CPU time went, from the .cpuprofile files `node --cpu-prof` writes at exit:
// time by whose work it was (our code, the framework, the drivers, V8) and the functions that took most.

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
  [/node_modules[\\/](@opentelemetry|require-in-the-middle|import-in-the-middle|module-details-from-path|@grpc)[\\/]/, 'OpenTelemetry'],
  [/node_modules[\\/](pg|pg-protocol|pg-pool|pg-types|postgres-\w+)[\\/]/, 'pg (PostgreSQL driver)'],
  [/node_modules[\\/](@prisma|prisma)[\\/]/, 'Prisma'],
  [
    /node_modules[\\/](@nestjs|express|body-parser|router|raw-body|finalhandler|send|serve-static|path-to-regexp|reflect-metadata|rxjs|type-is|content-type|mime-types|etag|on-finished|qs|iconv-lite|http-errors|forwarded|proxy-addr)[\\/]/,
    'NestJS, Express (HTTP)',
  ],
  [/node_modules[\\/]zod[\\/]/, 'zod (validation)'],
  [/node_modules[\\/]jose[\\/]/, 'jose (tokens)'],
  [/node_modules[\\/]kafkajs[\\/]/, 'kafkajs'],
  [/[\\/]dist[\\/](libs|apps)[\\/]/, 'Qorgau (libs, apps)'],
];

/** The area of one frame, or null for Node's and V8's own (attributed to whoever called them). */
function areaOf(frame: ProfileNode['callFrame']): string | null {
  for (const [test, area] of AREAS) if (test.test(frame.url)) return area;
  return /node_modules[\\/]/.test(frame.url) ? 'other libraries' : null;
}

/**
 * Who a sample's time is for: the nearest frame of ours or of a library on its stack (a socket write
 * is the driver's that asked for it); loading code at start-up apart; V8's and Node's own otherwise.
 */
function attribute(stack: readonly ProfileNode['callFrame'][]): string {
  const leaf = stack[0]!;
  if (leaf.functionName === '(garbage collector)') return 'garbage collection';
  if (leaf.functionName === '(program)') return 'V8 (compiling, bookkeeping)';
  if (stack.some((frame) => frame.url.startsWith('node:internal/modules/'))) return 'start-up (loading code)';
  for (const frame of stack) {
    const area = areaOf(frame);
    if (area) return area;
  }
  return 'Node.js (timers, sockets)';
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
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === '(idle)') return;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      busy += ms;
      const stack: ProfileNode['callFrame'][] = [];
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) stack.push(nodes.get(at)!.callFrame);
      const area = attribute(stack);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
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
    `${name}: ${(busy / 1000).toFixed(1)} s of CPU on the main thread, by whose work it was (a driver's socket writes are the driver's)`,
    ...[...byArea]
      .sort((a, b) => b[1] - a[1])
      .filter(([, ms]) => ms / busy >= 0.005)
      .map(([area, ms]) => `    ${share(ms)}  ${area}`),
    `  the functions that took most (self time)`,
    ...[...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topFunctions)
      .map(([fn, ms]) => `    ${share(ms)}  ${fn}`),
  ];
}
