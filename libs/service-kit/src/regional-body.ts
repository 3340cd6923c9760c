import { Inject, Injectable, type PipeTransform, type Type } from '@nestjs/common';
import type { z } from 'zod';
import { DEFAULT_PROJECT_REGIONS, type RegionCode } from '@qorgau/contracts';
import { ApiZodBody, ZodValidationPipe } from '@qorgau/platform';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';

/**
 * Validates a body whose schema depends on the project's regions (QORGAU_REGIONS), which are known
 * only once the configuration is loaded: `@Body(RegionalBody(openCaseRequest)) request: OpenCaseRequest`.
 * Nest builds the pipe with the service's configuration; a bad body is a 400 naming each field.
 */
export function RegionalBody<S extends z.ZodType>(schema: (regions: readonly RegionCode[]) => S): Type<PipeTransform<unknown, z.output<S>>> {
  @Injectable()
  class RegionalBodyPipe implements PipeTransform<unknown, z.output<S>> {
    private readonly pipe: ZodValidationPipe<S>;

    constructor(@Inject(SERVICE_CONFIG) config: ServiceKitConfig) {
      this.pipe = new ZodValidationPipe(schema(config.QORGAU_REGIONS));
    }

    transform(value: unknown): z.output<S> {
      return this.pipe.transform(value);
    }
  }
  return RegionalBodyPipe;
}

/** Documents such a body in OpenAPI, with the default project regions (QORGAU_REGIONS may differ). */
export const ApiRegionalBody = (schema: (regions: readonly RegionCode[]) => z.ZodType) => ApiZodBody(schema(DEFAULT_PROJECT_REGIONS));
