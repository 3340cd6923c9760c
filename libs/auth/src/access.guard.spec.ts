import { ForbiddenException, ServiceUnavailableException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, PUBLIC_ROUTE, type AccessRule } from './access';
import { AccessGuard } from './access.guard';
import type { Principal } from './principal';
import { AuthenticationError, type TokenVerifier } from './token-verifier';

const TOKEN = 'aaa.bbb.ccc';

function guardFor(principal: Principal | Error) {
  const verifier = { verify: async () => (principal instanceof Error ? Promise.reject(principal) : principal) } as unknown as TokenVerifier;
  return new AccessGuard(new Reflector(), verifier);
}

function context(options: { rule?: AccessRule; isPublic?: boolean; body?: unknown; params?: Record<string, string>; authorization?: string | null }): ExecutionContext {
  const handler = () => undefined;
  if (options.rule) Reflect.defineMetadata(ACCESS_RULE, options.rule, handler);
  if (options.isPublic) Reflect.defineMetadata(PUBLIC_ROUTE, true, handler);
  const request = {
    headers: options.authorization === null ? {} : { authorization: options.authorization ?? `Bearer ${TOKEN}` },
    body: options.body ?? {},
    params: options.params ?? {},
    query: {},
  };
  return { getHandler: () => handler, getClass: () => class {}, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

const operator79: Principal = { subject: 'op', role: 'HOTLINE_OPERATOR', region: 'KZ-79' };
const analyst: Principal = { subject: 'hq', role: 'HQ_ANALYST', region: null };
const logCalls: AccessRule = { roles: ['HOTLINE_OPERATOR'], region: { body: 'region' } };

describe('AccessGuard', () => {
  it('lets anyone reach a public route', async () => {
    await expect(guardFor(new Error('never asked')).canActivate(context({ isPublic: true, authorization: null }))).resolves.toBe(true);
  });

  it('denies an endpoint that has no rule, whoever asks', async () => {
    await expect(guardFor(analyst).canActivate(context({}))).rejects.toThrow(ForbiddenException);
  });

  it('asks for a token', async () => {
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, authorization: null }))).rejects.toThrow(UnauthorizedException);
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, authorization: 'Basic abc' }))).rejects.toThrow(UnauthorizedException);
  });

  it('refuses a token the verifier rejects, and says 503 when the identity provider is away', async () => {
    await expect(guardFor(new AuthenticationError('the token has expired')).canActivate(context({ rule: logCalls }))).rejects.toThrow(UnauthorizedException);
    await expect(guardFor(new AuthenticationError('the identity provider cannot be reached')).canActivate(context({ rule: logCalls }))).rejects.toThrow(ServiceUnavailableException);
  });

  it('holds a role to the rule', async () => {
    await expect(guardFor(analyst).canActivate(context({ rule: logCalls, body: { region: 'KZ-79' } }))).rejects.toThrow(ForbiddenException);
  });

  it('holds a regional role to its own region', async () => {
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, body: { region: 'KZ-79' } }))).resolves.toBe(true);
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, body: { region: 'KZ-71' } }))).rejects.toThrow(ForbiddenException);
  });

  it('leaves a missing or malformed region to validation', async () => {
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, body: {} }))).resolves.toBe(true);
    await expect(guardFor(operator79).canActivate(context({ rule: logCalls, body: { region: 'KZ-99' } }))).resolves.toBe(true);
  });
});
