import { Controller, Get, Module } from '@nestjs/common';
import { createHttpApp } from './http-app';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

async function docsStatus(docs: boolean): Promise<number> {
  const app = await createHttpApp(PingModule, { title: 't', description: 'd', version: '1', bodyLimit: '1kb', requestsPerMinute: 100, quiet: true, docs });
  await app.listen(0, '127.0.0.1');
  try {
    const address = app.getHttpServer().address() as { port: number };
    return (await fetch(`http://127.0.0.1:${address.port}/docs-json`)).status;
  } finally {
    await app.close();
  }
}

describe('API_DOCS', () => {
  it('serves the OpenAPI document by default and hides it when switched off', async () => {
    expect(await docsStatus(true)).toBe(200);
    expect(await docsStatus(false)).toBe(404);
  });
});
