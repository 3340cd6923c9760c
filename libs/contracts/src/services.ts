import list from './services.json';

/** An app of the platform, as named in services.json (the one list every script and manifest reads). */
export type AppName = 'identity' | 'intake' | 'projection' | 'legal' | 'psychology' | 'outreach' | 'statistics' | 'social' | 'web';
/** A service that owns a database. */
export type ServiceName = Exclude<AppName, 'identity' | 'web'>;

export interface AppEntry {
  readonly name: AppName;
  /** Its port on a developer's machine (in a container every app listens on 3000). */
  readonly port: number;
  readonly database: boolean;
  readonly personalData: boolean;
  /** Apps on the event bus: the services whose topics it reads (its Kafka user's ACLs follow this). */
  readonly kafka?: { readonly consumes: readonly ServiceName[] };
}

export const APPS: readonly AppEntry[] = list.apps as AppEntry[];

/** The local port of an app. */
export function localPort(app: AppName): number {
  return APPS.find((entry) => entry.name === app)!.port;
}
