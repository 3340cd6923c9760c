import { Module } from '@nestjs/common';
import { CaseDatasetController } from './case-dataset.controller';

@Module({ controllers: [CaseDatasetController] })
export class CaseDatasetModule {}
