#!/usr/bin/env node
// Offline Prisma migrations. Prisma's CLI downloads a native schema engine, which an air-gapped
// NGO server (and our CI) cannot do; this runs Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) over the pg driver adapter. Migrations stay in Prisma's standard
// layout (prisma/migrations/<timestamp>_<name>/migration.sql, _prisma_migrations table), so
// `prisma migrate deploy` works unchanged wherever the native binary is available.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

const USAGE = `Usage: npm run migrate -- <command> [service...]

Commands:
  deploy [service...]        create each service's database if missing and apply pending migrations
  create <service> <name>    write a new migration from the difference between the migrations and schema.prisma
  check [service...]         exit 1 if a service's schema.prisma differs from its committed migrations
  status [service...]        list applied and pending migrations
  url <service>              print the database URL of a service's owner (migrations, tests)
  app-url <service>          print the URL the service runs with: its own role, which may only
                             INSERT and SELECT the audit trail and changes no schema
  keys-url <service>         print the URL of the database of a service's person keys (services that
                             keep personal data), apart from its data and its backups
  keys-app-url <service>     print the URL the service reads and erases its person keys with
  reset [service...]         drop and recreate each database, then apply every migration (tests only)
  wait <service>             wait until the service's database has every migration of this copy and
                             the service's role its grants (as the service: DATABASE_URL); up to
                             QORGAU_MIGRATION_WAIT_SECONDS (default 600), then exit 1. A Kubernetes
                             init container, so pods start only after their migration Job
  env <service>              print, as JSON, the variables these commands read for the service

Services: ${listServices().join(', ')} (default: all)

Environment:
  PG_URL                     server to use (default postgres://postgres@127.0.0.1:5432/postgres)
  QORGAU_DB_SUFFIX           appended to every database name, e.g. _test (default: none)
  <SERVICE>_DATABASE_URL     full URL of one service's database, overriding the two above
  <SERVICE>_KEYS_DATABASE_URL  full URL of its person keys' database (default: its database's name + _keys)`;

function listServices() {
  const apps = path.join(repoRoot, 'apps');
  return readdirSync(apps).filter((name) => existsSync(path.join(apps, name, 'prisma', 'schema.prisma')));
}

/** The apps that keep personal data (libs/contracts/src/services.json): their person keys have a database of their own. */
function keepsPersonalData(service) {
  const { apps } = JSON.parse(readFileSync(path.join(repoRoot, 'libs/contracts/src/services.json'), 'utf8'));
  return apps.some((app) => app.name === service && app.personalData);
}

export function databaseUrl(service) {
  const explicit = process.env[`${service.toUpperCase()}_DATABASE_URL`];
  if (explicit) return explicit;
  const url = new URL(process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/qorgau_${service}${process.env.QORGAU_DB_SUFFIX ?? ''}`;
  return url.toString();
}

/**
 * The role a service runs as, apart from the owner that migrates: it reads and writes its tables
 * but may only INSERT and SELECT the audit trail (no UPDATE, DELETE or TRUNCATE, no disabling its
 * triggers) and changes no schema. `<database>_app`, logging in without a password where the
 * server trusts loopback (the local platform); elsewhere set QORGAU_APP_DB_PASSWORD, or let the
 * database operator manage the role.
 */
const appRole = (service) => `${decodeURIComponent(new URL(databaseUrl(service)).pathname.slice(1))}_app`;

export function appDatabaseUrl(service) {
  const explicit = process.env[`${service.toUpperCase()}_APP_DATABASE_URL`];
  if (explicit) return explicit;
  const url = new URL(databaseUrl(service));
  url.username = appRole(service);
  url.password = process.env.QORGAU_APP_DB_PASSWORD ?? '';
  return url.toString();
}

/**
 * Person keys live apart from the data they protect: a database of their own, with its own role and
 * a short-retention backup policy (docs/threat-model.md), so that restoring a data backup cannot
 * bring an erased person back.
 */
export function keysDatabaseUrl(service) {
  const explicit = process.env[`${service.toUpperCase()}_KEYS_DATABASE_URL`];
  if (explicit) return explicit;
  const url = new URL(databaseUrl(service));
  url.pathname = `${url.pathname}_keys`;
  return url.toString();
}

const keysRole = (service) => `${decodeURIComponent(new URL(keysDatabaseUrl(service)).pathname.slice(1))}_app`;

export function keysAppDatabaseUrl(service) {
  const explicit = process.env[`${service.toUpperCase()}_KEYS_APP_DATABASE_URL`];
  if (explicit) return explicit;
  const url = new URL(keysDatabaseUrl(service));
  url.username = keysRole(service);
  url.password = process.env.QORGAU_APP_DB_PASSWORD ?? '';
  return url.toString();
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Creates `role` when missing (or says who must), then grants it what `grants` says on the database at `url`. */
async function grantRole(url, role, grants) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount > 0;
    if (!exists) {
      try {
        const password = process.env.QORGAU_APP_DB_PASSWORD;
        await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN${password ? ` PASSWORD '${password.replaceAll("'", "''")}'` : ''}`);
      } catch (error) {
        if (error.code !== '42501') throw error;
        console.warn(`may not create role ${role} (no CREATEROLE): have the database operator create it, then deploy again`);
        return;
      }
    }
    const db = decodeURIComponent(new URL(url).pathname.slice(1));
    await client.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${quoteIdent(role)}; GRANT USAGE ON SCHEMA public TO ${quoteIdent(role)}; ${grants(quoteIdent(role))}`);
  } finally {
    await client.end();
  }
}

/** The service's role reads and writes its tables but only INSERTs and SELECTs the audit trail. */
const grantAppRole = (service) =>
  grantRole(
    databaseUrl(service),
    appRole(service),
    (r) => `
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
      REVOKE ALL ON _prisma_migrations FROM ${r};
      GRANT SELECT (migration_name, finished_at) ON _prisma_migrations TO ${r};
      REVOKE ALL ON qorgau_library_sql FROM ${r};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${r};`,
  );

/** Person keys are made, read and erased (wrapped_key set to NULL), never deleted: an erased key is the marker that refuses new details. */
const grantKeysRole = (service) =>
  grantRole(
    keysDatabaseUrl(service),
    keysRole(service),
    (r) => `
      GRANT SELECT, INSERT, UPDATE ON person_key TO ${r};
      REVOKE DELETE, TRUNCATE ON person_key FROM ${r};`,
  );

async function ensureDatabase(url, { quiet = false } = {}) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      if (!quiet) console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

let wasmReady;
async function loadEngine() {
  // The package is a bundler build: instantiate its .wasm ourselves and hand the exports over.
  wasmReady ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return bg;
  })();
  return wasmReady;
}

// The schema engine reads pg_catalog columns of PostgreSQL's internal one-byte "char" type
// (OID 18), which @prisma/adapter-pg 7.10 does not map and rejects. Its values arrive as strings,
// so present them as text. Patched once on the adapter's shared base class, in this process only.
const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;
let adapterPatched = false;
async function patchAdapterForCatalogChar(factory) {
  if (adapterPatched) return;
  const probe = await factory.connect();
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(probe));
  const performIO = queryable.performIO;
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_INTERNAL_CHAR) field.dataTypeID = PG_TEXT;
    return result;
  };
  await probe.dispose();
  adapterPatched = true;
}

/**
 * Runs fn with a schema engine on the service's database, or with `scratch`, on a throw-away
 * database: the wasm engine replays migrations for a diff on the database it is given (it does not
 * open a separate shadow database), so a diff must never be pointed at real data.
 */
async function withEngine(service, fn, { scratch = false } = {}) {
  const { SchemaEngine } = await loadEngine();
  let url = databaseUrl(service);
  if (scratch) {
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/qorgau_${service}_scratch_${process.pid}_${Date.now()}`;
    url = scratchUrl.toString();
  }
  await ensureDatabase(url, { quiet: scratch });
  const factory = new PrismaPg({ connectionString: url });
  await patchAdapterForCatalogChar(factory);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schemaFile = schemaPath(service);
  const engine = await SchemaEngine.new({ datamodels: [[schemaFile, readFileSync(schemaFile, 'utf8')]] }, (log) => process.env.DEBUG_MIGRATE && console.error(log), adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    if (scratch) await dropDatabase(url);
  }
}

async function dropDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const schemaPath = (service) => path.join(repoRoot, 'apps', service, 'prisma', 'schema.prisma');
const migrationsDir = (service) => path.join(repoRoot, 'apps', service, 'prisma', 'migrations');

function migrationsList(service) {
  const baseDir = migrationsDir(service);
  mkdirSync(baseDir, { recursive: true });
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const migrationDirectories = readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: 'missing migration.sql' },
        },
      };
    });
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

async function deploy(service) {
  const result = await withEngine(service, (engine) => engine.applyMigrations({ migrationsList: migrationsList(service), filters }));
  const applied = [...result.appliedMigrationNames, ...(await applySqlFiles(databaseUrl(service), LIBRARY_SQL))];
  if (keepsPersonalData(service)) {
    await ensureDatabase(keysDatabaseUrl(service));
    applied.push(...(await applySqlFiles(keysDatabaseUrl(service), KEYS_SQL)));
    const moved = await movePersonKeys(service);
    if (moved) applied.push(`${moved} person keys moved to ${new URL(keysDatabaseUrl(service)).pathname.slice(1)}`);
    await grantKeysRole(service);
  }
  await grantAppRole(service);
  console.log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'database is up to date'}`);
}

/**
 * Until 2026-11 person keys lived in the service's own database (its first migrations still create
 * the table there). Moves them to the keys database and drops them from the data: under a lock, so
 * no key is written meanwhile; copied again harmlessly should the drop fail. Null when nothing was there.
 */
async function movePersonKeys(service) {
  const data = new pg.Client({ connectionString: databaseUrl(service) });
  const keys = new pg.Client({ connectionString: keysDatabaseUrl(service) });
  await data.connect();
  await keys.connect();
  try {
    if (!(await data.query(`SELECT to_regclass('person_key') AS t`)).rows[0].t) return null;
    await data.query('BEGIN');
    await data.query('LOCK TABLE person_key IN EXCLUSIVE MODE');
    const { rows } = await data.query('SELECT id, wrapped_key, created_at, erased_at FROM person_key');
    await keys.query(
      `INSERT INTO person_key (id, wrapped_key, created_at, erased_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT (id) DO UPDATE SET wrapped_key = EXCLUDED.wrapped_key, erased_at = EXCLUDED.erased_at`,
      [rows.map((r) => r.id), rows.map((r) => r.wrapped_key), rows.map((r) => r.created_at), rows.map((r) => r.erased_at)],
    );
    await data.query('DROP TABLE person_key');
    await data.query('COMMIT');
    return rows.length;
  } catch (error) {
    await data.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await data.end();
    await keys.end();
  }
}

/**
 * Tables a shared library owns (the outbox, processed events, the audit trail, idempotency keys…)
 * are declared once, in libs/<lib>/sql/*.sql, and applied here to every service's database after
 * its own migrations, each file once: a ledger table records them. They stay out of the services'
 * Prisma schemas, which their code never reads them through, and the schema diff ignores them
 * (Prisma's "external tables"). The person keys' table (libs/service-kit/keys-sql) goes to the keys
 * database of each service that keeps personal data.
 */
const sqlFilesIn = (dir) =>
  readdirSync(path.join(repoRoot, 'libs'))
    .flatMap((lib) => (existsSync(path.join(repoRoot, 'libs', lib, dir)) ? readdirSync(path.join(repoRoot, 'libs', lib, dir)).map((file) => `libs/${lib}/${dir}/${file}`) : []))
    .filter((file) => file.endsWith('.sql'))
    .sort();
const LIBRARY_SQL = sqlFilesIn('sql');
const KEYS_SQL = sqlFilesIn('keys-sql');
const tablesDeclaredIn = (files) => files.flatMap((file) => [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]));
const filters = { externalTables: [...tablesDeclaredIn(LIBRARY_SQL), ...tablesDeclaredIn(KEYS_SQL)].map((table) => `public.${table}`), externalEnums: [] };

async function applySqlFiles(url, files) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    await client.query('CREATE TABLE IF NOT EXISTS qorgau_library_sql (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query('SELECT name FROM qorgau_library_sql')).rows.map((row) => row.name));
    for (const file of files.filter((f) => !done.has(f))) {
      await client.query('BEGIN');
      await client.query(readFileSync(path.join(repoRoot, file), 'utf8'));
      await client.query('INSERT INTO qorgau_library_sql (name) VALUES ($1)', [file]);
      await client.query('COMMIT');
      applied.push(file);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return applied;
}

/** SQL that takes the committed migrations to schema.prisma; empty when they match. */
async function pendingSql(service) {
  return withEngine(
    service,
    async (engine) => {
      const list = migrationsList(service);
      const result = await engine.diff({
        // With no migration yet there is no lock file to name the connector: start from nothing.
        from: list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaPath(service), content: readFileSync(schemaPath(service), 'utf8') }] },
        script: true,
        exitCode: null,
        filters,
      });
      const sql = result.stdout ?? '';
      return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
    },
    { scratch: true },
  );
}

async function create(service, name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new UsageError('create needs a migration name in snake_case, e.g. add_case_consent');
  const sql = await pendingSql(service);
  if (!sql) {
    console.log(`${service}: schema.prisma and the migrations already match; nothing to create`);
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir(service), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lock = path.join(migrationsDir(service), 'migration_lock.toml');
  if (!existsSync(lock)) {
    writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  console.log(`${service}: wrote ${path.relative(repoRoot, dir)}/migration.sql`);
}

async function check(service) {
  const sql = await pendingSql(service);
  if (sql) {
    console.error(`${service}: schema.prisma differs from the committed migrations. Run: npm run migrate -- create ${service} <name>\n${sql}`);
    return false;
  }
  console.log(`${service}: migrations match schema.prisma`);
  return true;
}

async function status(service) {
  const list = migrationsList(service);
  const client = new pg.Client({ connectionString: databaseUrl(service) });
  await ensureDatabase(databaseUrl(service));
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('_prisma_migrations') AS t`);
    const applied = table.rows[0].t ? new Set((await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL')).rows.map((r) => r.migration_name)) : new Set();
    for (const dir of list.migrationDirectories) console.log(`${service}: ${applied.has(dir.path) ? 'applied' : 'PENDING'} ${dir.path}`);
  } finally {
    await client.end();
  }
}

/**
 * True once the database, seen as the service's own role, has every migration this copy carries
 * and that role may read every table: what the last step of `deploy` (the grants) leaves behind.
 */
async function migrated(service, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    const applied = new Set(rows.map((row) => row.migration_name));
    const missing = migrationsList(service).migrationDirectories.filter((dir) => !applied.has(dir.path));
    const ungranted = await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('_prisma_migrations', 'qorgau_library_sql')
          AND NOT has_table_privilege(c.oid, 'SELECT')`,
    );
    return missing.length === 0 && ungranted.rowCount === 0 ? null : `${missing.length} migrations pending, ${ungranted.rowCount} tables not yet granted`;
  } finally {
    await client.end();
  }
}

async function waitForMigrations(service) {
  const url = process.env.DATABASE_URL ?? appDatabaseUrl(service);
  const deadline = Date.now() + Number(process.env.QORGAU_MIGRATION_WAIT_SECONDS ?? 600) * 1000;
  let said = 0;
  for (;;) {
    let state;
    try {
      state = await migrated(service, url);
    } catch (error) {
      state = error?.code === '42P01' ? 'no migrations yet' : `database not reachable (${error?.code ?? error?.message})`;
    }
    if (state === null) {
      console.log(`${service}: database is at this release's schema`);
      return 0;
    }
    if (Date.now() > deadline) {
      console.error(`${service}: gave up waiting for the migration Job: ${state}`);
      return 1;
    }
    if (Date.now() - said > 30_000) {
      console.log(`${service}: waiting for the migration Job: ${state}`);
      said = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Every variable the commands read for one service: the Kubernetes checks hold the Jobs to it. */
function environmentOf(service) {
  const name = service.toUpperCase();
  const keys = keepsPersonalData(service) ? [`${name}_KEYS_DATABASE_URL`, `${name}_KEYS_APP_DATABASE_URL`] : [];
  return ['PG_URL', 'QORGAU_DB_SUFFIX', 'QORGAU_APP_DB_PASSWORD', 'QORGAU_MIGRATION_WAIT_SECONDS', 'DATABASE_URL', `${name}_DATABASE_URL`, `${name}_APP_DATABASE_URL`, ...keys];
}

class UsageError extends Error {}

async function main(argv) {
  const [command, ...rest] = argv;
  const known = listServices();
  const pick = (names) => {
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length) throw new UsageError(`unknown service ${unknown.join(', ')}; services are ${known.join(', ')}`);
    return names.length ? names : known;
  };
  switch (command) {
    case 'deploy':
      for (const s of pick(rest)) await deploy(s);
      return 0;
    case 'create':
      if (!rest[0]) throw new UsageError('create needs a service and a name');
      await create(pick([rest[0]])[0], rest[1]);
      return 0;
    case 'check': {
      let ok = true;
      for (const s of pick(rest)) ok = (await check(s)) && ok;
      return ok ? 0 : 1;
    }
    case 'status':
      for (const s of pick(rest)) await status(s);
      return 0;
    case 'url':
      if (rest.length !== 1) throw new UsageError('url needs one service');
      console.log(databaseUrl(pick(rest)[0]));
      return 0;
    case 'app-url':
      if (rest.length !== 1) throw new UsageError('app-url needs one service');
      console.log(appDatabaseUrl(pick(rest)[0]));
      return 0;
    case 'keys-url':
    case 'keys-app-url': {
      if (rest.length !== 1) throw new UsageError(`${command} needs one service`);
      const [service] = pick(rest);
      if (!keepsPersonalData(service)) throw new UsageError(`${service} keeps no personal data, so it has no person keys`);
      console.log(command === 'keys-url' ? keysDatabaseUrl(service) : keysAppDatabaseUrl(service));
      return 0;
    }
    case 'wait':
      if (rest.length !== 1) throw new UsageError('wait needs one service');
      return waitForMigrations(pick(rest)[0]);
    case 'env':
      if (rest.length !== 1) throw new UsageError('env needs one service');
      console.log(JSON.stringify(environmentOf(pick(rest)[0])));
      return 0;
    case 'reset':
      if (!process.env.QORGAU_DB_SUFFIX) throw new UsageError('reset drops databases; it runs only with QORGAU_DB_SUFFIX set (e.g. _test)');
      for (const s of pick(rest)) {
        await dropDatabase(databaseUrl(s));
        if (keepsPersonalData(s)) await dropDatabase(keysDatabaseUrl(s));
        await deploy(s);
      }
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof UsageError) {
        console.error(`migrate: ${error.message}\n\n${USAGE}`);
        process.exit(2);
      }
      console.error(`migrate: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
