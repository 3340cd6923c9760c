import { ConflictException, type HttpException } from '@nestjs/common';
import { badRequest } from '@qorgau/platform';
import type { RuleViolation } from '@qorgau/domain';

export function violationToHttp(violations: readonly RuleViolation[]): HttpException {
  const withField = violations.filter((v) => v.field);
  if (withField.length > 0) return badRequest(withField.map((v) => ({ field: v.field!, message: v.message })));
  return new ConflictException({ statusCode: 409, error: 'Conflict', message: violations.map((v) => v.message).join('; '), rules: violations.map((v) => v.rule) });
}
