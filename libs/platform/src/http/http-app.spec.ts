import { Controller, Get, Module, Req } from '@nestjs/common';
import type { Request } from 'express';
import { createHttpApp, fieldWithNul } from './http-app';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { ok: true };
  }

  @Get('ip')
  ip(@Req() request: Request) {
    return { ip: request.ip };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

async function withApp<T>(options: { docs?: boolean; trustProxyHops?: number }, use: (url: string) => Promise<T>): Promise<T> {
  const app = await createHttpApp(PingModule, { title: 't', description: 'd', version: '1', bodyLimit: '1kb', requestsPerMinute: 100, quiet: true, ...options });
  await app.listen(0, '127.0.0.1');
  try {
    const address = app.getHttpServer().address() as { port: number };
    return await use(`http://127.0.0.1:${address.port}`);
  } finally {
    await app.close();
  }
}

const docsStatus = (docs: boolean) => withApp({ docs }, async (url) => (await fetch(`${url}/docs-json`)).status);
const clientAddress = (trustProxyHops: number) =>
  withApp({ trustProxyHops }, async (url) => ((await (await fetch(`${url}/ping/ip`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).json()) as { ip: string }).ip);

describe('API_DOCS', () => {
  it('serves the OpenAPI document by default and hides it when switched off', async () => {
    expect(await docsStatus(true)).toBe(200);
    expect(await docsStatus(false)).toBe(404);
  });
});

describe('TRUST_PROXY_HOPS', () => {
  it('believes X-Forwarded-For only from as many proxies as configured', async () => {
    expect(await clientAddress(0)).toMatch(/127\.0\.0\.1/);
    expect(await clientAddress(1)).toBe('203.0.113.7');
  });
});

describe('a NUL character in a request body', () => {
  it('is found and named by its path, since PostgreSQL would refuse it with a 500', () => {
    expect(fieldWithNul({ site: 'Shymkent\u0000' })).toBe('site');
    expect(fieldWithNul({ rows: [{ site: 'a' }, { site: 'b\u0000' }] })).toBe('rows.1.site');
    expect(fieldWithNul('\u0000')).toBe('(body)');
    expect(fieldWithNul({ site: 'Shymkent', count: 3, nested: { list: ['x'] } })).toBeNull();
  });
});
