import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /** What kind of problem, for clients that word it in the user's language; the message is English. */
  readonly code?: 'required' | 'unknown_field' | 'invalid_type' | 'invalid_value' | 'invalid_format' | 'too_big' | 'too_small' | 'rule';
}

function codeOf(issue: z.core.$ZodIssue): FieldProblem['code'] {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format' || issue.code === 'too_big' || issue.code === 'too_small') return issue.code;
  return 'rule';
}

/** Zod issues as field problems: the path and the rule, never the submitted value. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field', code: 'unknown_field' as const }));
    }
    return [{ field: base || '(body)', message: issue.message, code: codeOf(issue) }];
  });
}

export function badRequest(problems: readonly FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    fields: problems,
  });
}

/** Validates a body (or query) against a zod schema; a 400 names every field at fault. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw badRequest(fieldProblems(parsed.error));
    return parsed.data;
  }
}
