import { Global, Module } from '@nestjs/common';
import { IntakePrisma } from './intake-prisma.service';

@Global()
@Module({ providers: [IntakePrisma], exports: [IntakePrisma] })
export class DatabaseModule {}
