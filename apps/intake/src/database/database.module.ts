import { Global, Module } from '@nestjs/common';
import { ErasePersonalData } from '../personal-data/erase-personal-data';
import { PersonalData } from '../personal-data/personal-data';
import { IntakePrisma } from './intake-prisma.service';

@Global()
@Module({ providers: [IntakePrisma, PersonalData, ErasePersonalData], exports: [IntakePrisma, PersonalData, ErasePersonalData] })
export class DatabaseModule {}
