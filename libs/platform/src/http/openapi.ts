import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** OpenAPI 3.0 schema of a zod schema, so the docs show exactly what the validation accepts. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Documents a JSON body validated by ZodValidationPipe, and the 400 it answers when invalid. */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: openApiSchema(schema), ...(description ? { description } : {}) }),
    ApiBadRequestResponse({ description: 'Invalid input: `fields` names every field at fault; nothing was stored or published' }),
  );
}

/** Documents query parameters from a zod object schema. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property, ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}) }),
    ),
  );
}

/**
 * Documents a success response by the zod schema of what the handler returns, so clients (the web
 * application's generated types) know the body, not only its description.
 */
export function ApiZodResponse(status: number, schema: z.ZodType, description: string): MethodDecorator {
  return applyDecorators(ApiResponse({ status, description, schema: openApiSchema(schema, 'output') }), SetMetadata(RESPONSE_SCHEMA, schema));
}

/** Where ApiZodResponse leaves the schema for ResponseSchemaCheck. */
export const RESPONSE_SCHEMA = 'qorgau:response-schema';
