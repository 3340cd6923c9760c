const nx = require('@nx/eslint-plugin');
const js = require('@eslint/js');
const globals = require('globals');

/** Production code: libraries depend downwards only; a service sees its own code and shared libraries. */
const depConstraints = [
  { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:intake', 'scope:shared'] },
  { sourceTag: 'scope:projection', onlyDependOnLibsWithTags: ['scope:projection', 'scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:legal', onlyDependOnLibsWithTags: ['scope:legal', 'scope:shared'] },
  { sourceTag: 'scope:psychology', onlyDependOnLibsWithTags: ['scope:psychology', 'scope:shared'] },
  { sourceTag: 'scope:outreach', onlyDependOnLibsWithTags: ['scope:outreach', 'scope:shared'] },
  { sourceTag: 'scope:statistics', onlyDependOnLibsWithTags: ['scope:statistics', 'scope:shared'] },
  { sourceTag: 'scope:social', onlyDependOnLibsWithTags: ['scope:social', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:auth', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
  { sourceTag: 'type:service-kit', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:messaging', 'type:platform', 'type:auth'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:messaging', 'type:platform', 'type:auth'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:messaging', 'type:platform', 'type:auth', 'type:service-kit'] },
];

/** Tests (and an app's src/testing/ harness) may also use the shared test helpers. */
const testDepConstraints = depConstraints.map((c) =>
  c.sourceTag.startsWith('type:') && c.sourceTag !== 'type:testing' ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] } : c,
);

const boundaries = (constraints) => ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints }];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/generated', '**/node_modules', '.cache', '.nx', '**/*.js', '**/*.mjs', '!tools/**/*.mjs'] },
  {
    // The database tools run as plain Node.js modules (no build step): linted as such.
    files: ['tools/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
    rules: { ...js.configs.recommended.rules, 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A decider is the pure core of a feature: no framework, database, broker, clock or other module.
    files: ['**/*.decider.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!@qorgau/(domain|contracts)$|\\./[\\w.-]+\\.decider$)', message: 'a decider imports only @qorgau/domain, @qorgau/contracts and other deciders' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'apps/*/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(testDepConstraints) },
  },
];
