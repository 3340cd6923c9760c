import { Module } from '@nestjs/common';
import { CaseCommands } from './case-commands';
import { CasesController } from './cases.controller';

@Module({ controllers: [CasesController], providers: [CaseCommands] })
export class CasesModule {}
