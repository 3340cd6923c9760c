import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kubernetesSchemaProblems, kustomize, repoRoot, yamlObjects, type KubernetesObject } from '@qorgau/testing';

/**
 * The Kubernetes manifests, checked offline as a cluster would check them and then some: every
 * overlay builds, every object validates against the vendored schema of its kind
 * (docs/standards/kubernetes), and the rules a reviewer would hold them to hold — non-root numeric
 * users, read-only root filesystems, resources and probes, Secrets that exist, and environments
 * that name only variables the service's configuration reads.
 */

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    automountServiceAccountToken?: boolean;
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
    initContainers?: Container[];
    containers: Container[];
    volumes?: { name: string; secret?: { secretName: string; items?: { key: string }[] } }[];
  };
}
type Workload = KubernetesObject & { spec: { template: PodTemplate } };

const OVERLAYS = ['production', 'small'] as const;
const built = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, kustomize(`k8s/overlays/${overlay}`)])) as Record<(typeof OVERLAYS)[number], KubernetesObject[]>;
const template = yamlObjects(readFileSync(path.join(repoRoot, 'k8s/secrets.template.yaml'), 'utf8')) as (KubernetesObject & { stringData: Record<string, string> })[];

const workloads = (objects: KubernetesObject[]): Workload[] => objects.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'Job');
const serviceOf = (container: Container): string => /^qorgau\/([a-z-]+)(:|@|$)/.exec(container.image)?.[1] ?? `(image ${container.image})`;

/** What each service's configuration reads (`main.js --config-json`), from the build the tests run. */
const configOf = (() => {
  const cache = new Map<string, { name: string; required: boolean }[]>();
  return (service: string) => {
    if (!cache.has(service)) {
      const main = service === 'web' ? 'dist/apps/web/server/main.js' : `dist/apps/${service}/src/main.js`;
      cache.set(service, JSON.parse(execFileSync(process.execPath, [main, '--config-json'], { cwd: repoRoot, encoding: 'utf8' })) as { name: string; required: boolean }[]);
    }
    return cache.get(service)!;
  };
})();
const migrateEnvironmentOf = (service: string): string[] => JSON.parse(execFileSync(process.execPath, ['tools/db/migrate.mjs', 'env', service], { cwd: repoRoot, encoding: 'utf8' })) as string[];

/** OpenTelemetry's own variables, read by the SDK the image preloads (libs/platform/src/telemetry). */
const TELEMETRY_VARIABLES = ['OTEL_SERVICE_NAME', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_RESOURCE_ATTRIBUTES'];

/** Secrets the operators make, and the keys in them, for the objects that make them. */
function operatorSecrets(objects: KubernetesObject[]): Map<string, string[]> {
  const made = new Map<string, string[]>();
  for (const object of objects) {
    if (object.kind === 'KafkaUser') made.set(object.metadata.name, ['password', 'sasl.jaas.config']);
    if (object.kind === 'Kafka') made.set(`${object.metadata.name}-cluster-ca-cert`, ['ca.crt', 'ca.p12', 'ca.password']);
    if (object.kind === 'Cluster' && object.apiVersion.startsWith('postgresql.cnpg.io/')) made.set(`${object.metadata.name}-ca`, ['ca.crt', 'ca.key']);
  }
  return made;
}

/** Every reference to a Secret (name, and key where one is named) in an object. */
function secretReferences(object: KubernetesObject): { name: string; key?: string; where: string }[] {
  const where = `${object.kind} ${object.metadata.name}`;
  const spec = object['spec'] as Record<string, unknown>;
  const references: { name: string; key?: string; where: string }[] = [];
  if (object.kind === 'Deployment' || object.kind === 'Job') {
    const pod = (object as Workload).spec.template.spec;
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      for (const variable of container.env ?? []) if (variable.valueFrom?.secretKeyRef) references.push({ ...variable.valueFrom.secretKeyRef, where: `${where} ${container.name} ${variable.name}` });
      for (const source of container.envFrom ?? []) if (source.secretRef) references.push({ name: source.secretRef.name, where });
    }
    for (const volume of pod.volumes ?? [])
      if (volume.secret)
        for (const item of volume.secret.items ?? [{ key: undefined }])
          references.push({ name: volume.secret.secretName, ...(item.key ? { key: item.key } : {}), where: `${where} volume ${volume.name}` });
  }
  if (object.kind === 'Cluster') {
    const roles = ((spec['managed'] as { roles?: { name: string; passwordSecret?: { name: string } }[] } | undefined)?.roles ?? []).filter((role) => role.passwordSecret);
    for (const role of roles) for (const key of ['username', 'password']) references.push({ name: role.passwordSecret!.name, key, where: `${where} role ${role.name}` });
  }
  if (object.kind === 'ObjectStore') {
    const credentials = (spec['configuration'] as { s3Credentials?: Record<string, { name: string; key: string }> }).s3Credentials ?? {};
    for (const reference of Object.values(credentials)) references.push({ ...reference, where });
  }
  if (object.kind === 'Gateway') {
    for (const listener of spec['listeners'] as { tls?: { certificateRefs?: { name: string }[] } }[])
      for (const certificate of listener.tls?.certificateRefs ?? []) for (const key of ['tls.crt', 'tls.key']) references.push({ name: certificate.name, key, where });
  }
  return references;
}

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = built[overlay];

  it('builds, and every object validates against the vendored schema of its kind', () => {
    expect(objects.length).toBeGreaterThan(50);
    expect(objects.flatMap(kubernetesSchemaProblems)).toEqual([]);
  });

  it('holds no Secret (they come from the secret store or k8s/secrets.template.yaml) and puts everything in the qorgau namespace', () => {
    expect(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([]);
    expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'qorgau').map((o) => `${o.kind} ${o.metadata.name}`)).toEqual([]);
  });

  it('runs every container as a numeric non-root user, read-only, without privileges, with resources', () => {
    const problems = workloads(objects).flatMap((workload) => {
      const pod = workload.spec.template.spec;
      return [...(pod.initContainers ?? []), ...pod.containers].flatMap((container) => {
        const where = `${workload.kind} ${workload.metadata.name} ${container.name}`;
        const user = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
        const found: string[] = [];
        if (!(container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) found.push(`${where}: runAsNonRoot not set`);
        if (!Number.isInteger(user) || user! <= 0) found.push(`${where}: no numeric non-root runAsUser (the kubelet cannot check a user name)`);
        if (container.securityContext?.readOnlyRootFilesystem !== true) found.push(`${where}: root filesystem not read-only`);
        if (container.securityContext?.allowPrivilegeEscalation !== false) found.push(`${where}: privilege escalation allowed`);
        if (!container.securityContext?.capabilities?.drop?.includes('ALL')) found.push(`${where}: capabilities not dropped`);
        if (!container.resources?.requests?.cpu || !container.resources.requests.memory || !container.resources.limits?.memory)
          found.push(`${where}: requests (cpu, memory) and a memory limit missing`);
        return found;
      });
    });
    expect(problems).toEqual([]);
  });

  it('probes every server, labels every pod for the network policies and mounts no service-account token', () => {
    const problems = workloads(objects).flatMap((workload) => {
      const pod = workload.spec.template;
      const where = `${workload.kind} ${workload.metadata.name}`;
      return [
        ...(pod.metadata.labels['app.kubernetes.io/part-of'] === 'qorgau' ? [] : [`${where}: pods not labelled app.kubernetes.io/part-of=qorgau (the default-deny policy would not cover them)`]),
        ...(pod.spec.automountServiceAccountToken === false ? [] : [`${where}: mounts a service-account token`]),
        ...(workload.kind === 'Deployment' ? pod.spec.containers.filter((c) => !c.readinessProbe || !c.livenessProbe).map((c) => `${where} ${c.name}: readiness or liveness probe missing`) : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('refers only to Secrets, and keys, that exist: made by an operator or listed in k8s/secrets.template.yaml', () => {
    const known = operatorSecrets(objects);
    for (const secret of template) known.set(secret.metadata.name, Object.keys(secret.stringData));
    const missing = objects
      .flatMap(secretReferences)
      .filter((reference) => !known.has(reference.name) || (reference.key !== undefined && !known.get(reference.name)!.includes(reference.key)))
      .map((reference) => `${reference.where}: ${reference.name}${reference.key ? `/${reference.key}` : ''}`);
    expect(missing).toEqual([]);
  });

  it('sets in each container only variables its program reads, and every one it requires', () => {
    const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o['data'] as Record<string, string>]));
    const problems: string[] = [];
    const readFromConfigMaps = new Set<string>();
    for (const workload of workloads(objects)) {
      const pod = workload.spec.template.spec;
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const where = `${workload.kind} ${workload.metadata.name} ${container.name}`;
        const service = serviceOf(container);
        const migration = container.command?.[1] === 'tools/db/migrate.mjs';
        if (migration && container.command?.[3] !== service) problems.push(`${where}: migrates ${container.command?.[3]} from the ${service} image`);
        const config = migration ? migrateEnvironmentOf(container.command![3]!).map((name) => ({ name, required: false })) : configOf(service);
        const reads = new Set([...config.map((variable) => variable.name), ...(migration ? [] : TELEMETRY_VARIABLES)]);
        const env = container.env ?? [];
        // A variable used only to build another ($(NAME) in a later value) is a helper, not read by the program.
        const helpers = new Set(env.flatMap((variable) => [...(variable.value ?? '').matchAll(/\$\(([A-Z_][A-Z0-9_]*)\)/g)].map((match) => match[1]!)));
        env.forEach((variable, index) => {
          if (!reads.has(variable.name) && !helpers.has(variable.name)) problems.push(`${where}: sets ${variable.name}, which ${migration ? 'tools/db/migrate.mjs' : service} does not read`);
          for (const [, name] of (variable.value ?? '').matchAll(/\$\(([A-Z_][A-Z0-9_]*)\)/g))
            if (!env.slice(0, index).some((earlier) => earlier.name === name)) problems.push(`${where}: ${variable.name} uses $(${name}) before it is set`);
        });
        const loaded = (container.envFrom ?? []).flatMap((source) =>
          source.configMapRef ? Object.entries(configMaps.get(source.configMapRef.name) ?? { [`(no ConfigMap ${source.configMapRef.name})`]: '' }) : [],
        );
        const fromConfigMaps = loaded.map(([name]) => name);
        fromConfigMaps.filter((name) => reads.has(name)).forEach((name) => readFromConfigMaps.add(name));
        const given = new Set([...env.map((variable) => variable.name), ...fromConfigMaps]);
        for (const variable of config) if (variable.required && !given.has(variable.name)) problems.push(`${where}: ${service} requires ${variable.name}, which is not set`);
        // Files named in the environment (CA certificates) must be mounted.
        const values = [...env.map((variable) => variable.value ?? ''), ...loaded.map(([, value]) => value)];
        for (const file of values.flatMap((value) => [...String(value).matchAll(/\/etc\/[\w.-]+\/[\w.-]+/g)].map((match) => match[0])))
          if (!(container.volumeMounts ?? []).some((mount) => file.startsWith(`${mount.mountPath}/`))) problems.push(`${where}: ${file} is named but not mounted`);
      }
    }
    for (const [name, data] of configMaps) for (const key of Object.keys(data)) if (!readFromConfigMaps.has(key)) problems.push(`ConfigMap ${name}: ${key} is read by no container that loads it`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('routes only to Services that select pods, on ports they have', () => {
    const pods = workloads(objects)
      .filter((w) => w.kind === 'Deployment')
      .map((w) => w.spec.template.metadata.labels);
    const services = objects.filter((o) => o.kind === 'Service') as (KubernetesObject & { spec: { selector: Record<string, string>; ports: { port: number }[] } })[];
    const problems = services
      .filter((service) => !pods.some((labels) => Object.entries(service.spec.selector).every(([key, value]) => labels[key] === value)))
      .map((service) => `Service ${service.metadata.name} selects no pod`);
    for (const route of objects.filter((o) => o.kind === 'HTTPRoute') as (KubernetesObject & { spec: { rules: { backendRefs?: { name: string; port: number }[] }[] } })[]) {
      for (const backend of route.spec.rules.flatMap((rule) => rule.backendRefs ?? [])) {
        if (!services.some((service) => service.metadata.name === backend.name && service.spec.ports.some((port) => port.port === backend.port)))
          problems.push(`HTTPRoute ${route.metadata.name}: no Service ${backend.name}:${backend.port}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the overlays differ where they should', () => {
  const replicas = (overlay: (typeof OVERLAYS)[number], kind: string) =>
    built[overlay].filter((o) => o.kind === kind).map((o) => (o['spec'] as { replicas?: number; instances?: number }).replicas ?? (o['spec'] as { instances?: number }).instances ?? 0);

  it('production: two or more of every service with disruption budgets, three brokers, three controllers, three PostgreSQL instances, Kafka exporter', () => {
    expect(Math.min(...replicas('production', 'Deployment'))).toBeGreaterThanOrEqual(2);
    const budgets = built.production.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.metadata.name);
    expect(budgets.sort()).toEqual(
      built.production
        .filter((o) => o.kind === 'Deployment')
        .map((o) => o.metadata.name)
        .sort(),
    );
    const pools = built.production.filter((o) => o.kind === 'KafkaNodePool').map((o) => o['spec'] as { replicas: number; roles: string[] });
    expect(pools.filter((pool) => pool.roles.includes('broker')).reduce((sum, pool) => sum + pool.replicas, 0)).toBe(3);
    expect(pools.filter((pool) => pool.roles.includes('controller')).reduce((sum, pool) => sum + pool.replicas, 0)).toBe(3);
    expect(replicas('production', 'Cluster')).toEqual([3, 3]);
    expect((built.production.find((o) => o.kind === 'Kafka')!['spec'] as { kafkaExporter?: unknown }).kafkaExporter).toBeDefined();
  });

  it('small: one of everything, and backups all the same', () => {
    expect(new Set(replicas('small', 'Deployment'))).toEqual(new Set([1]));
    expect(replicas('small', 'Cluster')).toEqual([1, 1]);
    expect(built.small.filter((o) => o.kind === 'ScheduledBackup')).toHaveLength(2);
  });

  it('in both: migrations as one Job per service, never in the replicas', () => {
    for (const overlay of OVERLAYS) {
      const jobs = built[overlay].filter((o) => o.kind === 'Job') as Workload[];
      expect(jobs.map((job) => job.spec.template.spec.containers[0]!.command!.slice(2)).sort()).toEqual(
        ['intake', 'legal', 'outreach', 'projection', 'psychology', 'social', 'statistics'].map((s) => ['deploy', s]),
      );
      const inDeployments = workloads(built[overlay])
        .filter((w) => w.kind === 'Deployment')
        .flatMap((w) => w.spec.template.spec.initContainers ?? [])
        .map((c) => c.command?.[2]);
      expect(new Set(inDeployments)).toEqual(new Set(['wait']));
    }
  });
});

it('k8s/secrets.template.yaml holds only Secrets with placeholders, valid as Kubernetes objects', () => {
  expect(template.flatMap(kubernetesSchemaProblems)).toEqual([]);
  expect(
    template.flatMap((secret) =>
      Object.entries(secret.stringData)
        .filter(([key, value]) => !value.startsWith('REPLACE') && key !== 'username')
        .map(([key]) => `${secret.metadata.name}/${key}`),
    ),
  ).toEqual([]);
});
