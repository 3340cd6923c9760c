import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { APPS, type AppName } from './services';

const root = path.resolve(__dirname, '../../..');

describe('the one list of apps and ports (services.json)', () => {
  it('names exactly the apps of the AppName type', () => {
    const names: Record<AppName, true> = { identity: true, intake: true, projection: true, legal: true, psychology: true, outreach: true, statistics: true, social: true, web: true };
    expect(APPS.map((app) => app.name).sort()).toEqual(Object.keys(names).sort());
    expect(new Set(APPS.map((app) => app.port)).size).toBe(APPS.length);
  });

  it('is what docker/compose.yaml publishes on the host', () => {
    const compose = readFileSync(path.join(root, 'docker/compose.yaml'), 'utf8');
    for (const app of APPS) {
      const block = compose.split(/\n(?= {2}[a-z-]+:\n)/).find((section) => section.startsWith(`  ${app.name}:\n`) || section.includes(`\n  ${app.name}:\n`));
      expect({ app: app.name, published: block?.match(/ports: \[['"]127\.0\.0\.1:(\d+):/)?.[1] }).toEqual({ app: app.name, published: String(app.port) });
    }
  });

  it('has a Kubernetes manifest for every app the cluster runs (identity is the organisation’s own provider there)', () => {
    const manifests = readdirSync(path.join(root, 'k8s/base'));
    const kustomization = readFileSync(path.join(root, 'k8s/base/kustomization.yaml'), 'utf8');
    for (const app of APPS.filter((entry) => entry.name !== 'identity')) {
      expect(manifests).toContain(`${app.name}.yaml`);
      expect(kustomization).toContain(`${app.name}.yaml`);
    }
  });
});
