import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '@qorgau/auth';
import { ApiZodResponse } from '@qorgau/platform';
import { PersonalData } from './personal-data';

const rotationResult = z.object({
  rewrapped: z.number().int().describe('Person keys now wrapped by the current PERSONAL_DATA_KEY'),
  remaining: z.number().int().describe('Person keys still on a former service key (0: the former keys can be destroyed)'),
  unreadable: z.number().int().describe('Person keys no configured service key opens (theirs was destroyed before they were re-wrapped): left as they are'),
});

/**
 * Rotating the service key, without downtime: deploy the new PERSONAL_DATA_KEY with the former one
 * in PERSONAL_DATA_PREVIOUS_KEYS, call this, then destroy the former key (remove it from the
 * configuration and the secret store). /health/details counts what is left on former keys.
 */
@ApiTags('personal data')
@Controller('personal-data')
export class KeyRotationController {
  constructor(private readonly personal: PersonalData) {}

  @Post('key-rotation')
  @HttpCode(200)
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: 'Re-wrap every person key with the current service key (administrators)', description: 'Erased keys stay erased; the service keeps serving throughout.' })
  @ApiZodResponse(200, rotationResult, 'How many keys were re-wrapped, and how many remain on a former key')
  rotate(): Promise<z.output<typeof rotationResult>> {
    return this.personal.rotateServiceKey();
  }
}
