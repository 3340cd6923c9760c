import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { eventually } from './eventually';

/** The repository root, from the sources (Jest) or from dist/ (benchmarks) alike. */
export const repoRoot = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${__dirname}`);
  }
})();

/**
 * A service started as it runs in production (`node --require <telemetry> dist/apps/<name>/src/main.js`), its output in
 * .cache/test-logs/<name>.log, ready when /health answers.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  readonly logFile: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private env: Record<string, string>,
    /** The built entry point; by default dist/apps/<name>/src/main.js. */
    private readonly main = path.join(repoRoot, 'dist/apps', name, 'src/main.js'),
  ) {
    this.logFile = path.join(repoRoot, '.cache', 'test-logs', `${name}.log`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A variable the process was (or will be) started with. */
  variable(name: string): string | undefined {
    return this.env[name];
  }

  /** Stops the process and starts it again with its variables as they are now. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Adds or replaces variables for the next start. */
  setEnv(extra: Record<string, string>): void {
    this.env = { ...this.env, ...extra };
  }

  async start(): Promise<void> {
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    const out = openSync(this.logFile, 'a');
    const telemetry = path.join(repoRoot, 'dist/libs/platform/src/telemetry/register.js');
    this.child = spawn(process.execPath, ['--enable-source-maps', '--require', telemetry, this.main], {
      cwd: repoRoot,
      env: { ...process.env, OTEL_SERVICE_NAME: `qorgau-${this.name}`, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', out, out],
    });
    const child = this.child;
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}; see ${this.logFile}`);
        const response = await fetch(`${this.url}/health`);
        if (!response.ok) throw new Error(`${this.name} /health answered ${response.status}`);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  /** A crash: SIGKILL, no shutdown hooks, no leaving the consumer group (the fault trials). */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A variable the test script sets; a clear failure when the suite is run some other way. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests with \`npm test\`, which starts Kafka and PostgreSQL`);
  return value;
}
