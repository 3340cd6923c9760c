import { Module } from '@nestjs/common';
import { ConsultationCommands } from './consultation.commands';
import { ConsultationsController } from './consultations.controller';

@Module({ controllers: [ConsultationsController], providers: [ConsultationCommands] })
export class ConsultationsModule {}
