import type { ExecutionContext } from '@nestjs/common';
import { Controller, Get, Post } from '@nestjs/common';
import pino from 'pino';
import { AuthenticationError, type Principal, type TokenVerifier } from '@app/auth';
import { AccessGuard } from './access.guard';

@Controller('health')
class PublicController {
  @Get()
  health(): void {}
}

@Controller('v1/referrals')
class ProtectedController {
  @Post()
  submit(): void {}
}

@Controller('v1/forgotten')
class UnlistedController {
  @Get(':id')
  read(): void {}
}

const practitioner: Principal = { userId: 'u-1', hubs: ['north'], agency: 'police', roles: ['practitioner'] };
const analyst: Principal = { ...practitioner, roles: ['national-analyst'] };

function contextFor(controller: any, handler: string, headers: Record<string, string> = {}) {
  const request: any = { headers };
  const context = {
    getClass: () => controller,
    getHandler: () => controller.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

function guardWith(principal: Principal | Error): AccessGuard {
  const verifier: TokenVerifier = { verify: async () => { if (principal instanceof Error) throw principal; return principal; } };
  return new AccessGuard(verifier, pino({ level: 'silent' }));
}

describe('the access guard', () => {
  it('refuses an endpoint missing from the rules, even with a valid token (deny by default)', async () => {
    const { context } = contextFor(UnlistedController, 'read', { authorization: 'Bearer t' });
    await expect(guardWith(practitioner).canActivate(context)).rejects.toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
  });

  it('lets a public endpoint through without a token', async () => {
    await expect(guardWith(new Error('not called')).canActivate(contextFor(PublicController, 'health').context)).resolves.toBe(true);
  });

  it('answers a protected endpoint without a token with AUTH.MISSING_TOKEN', async () => {
    await expect(guardWith(practitioner).canActivate(contextFor(ProtectedController, 'submit').context)).rejects.toMatchObject({ code: 'AUTH.MISSING_TOKEN' });
  });

  it('passes on the verifier refusal', async () => {
    const { context } = contextFor(ProtectedController, 'submit', { authorization: 'Bearer t' });
    await expect(guardWith(new AuthenticationError('expired', 'the token has expired')).canActivate(context)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN', reason: 'expired' });
  });

  it('refuses a role the rule does not list with AUTH.ROLE_NOT_ALLOWED', async () => {
    const { context } = contextFor(ProtectedController, 'submit', { authorization: 'Bearer t' });
    await expect(guardWith(analyst).canActivate(context)).rejects.toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
  });

  it('lets an allowed role through and leaves the principal on the request', async () => {
    const { context, request } = contextFor(ProtectedController, 'submit', { authorization: 'Bearer t' });
    await expect(guardWith(practitioner).canActivate(context)).resolves.toBe(true);
    expect(request.principal).toBe(practitioner);
  });
});
