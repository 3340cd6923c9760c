import { Global, Module } from '@nestjs/common';
import { PersonalData } from '../personal-data/personal-data';
import { IntakePrisma } from './intake-prisma.service';

@Global()
@Module({ providers: [IntakePrisma, PersonalData], exports: [IntakePrisma, PersonalData] })
export class DatabaseModule {}
