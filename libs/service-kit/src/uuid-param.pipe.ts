import { type PipeTransform } from '@nestjs/common';
import { badRequest, isUuid } from '@qorgau/platform';

/** Path ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw badRequest([{ field: this.name, message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
