import { Module } from '@nestjs/common';
import { ShelterCommands } from './shelter.commands';
import { SheltersController } from './shelters.controller';

@Module({ controllers: [SheltersController], providers: [ShelterCommands] })
export class SheltersModule {}
