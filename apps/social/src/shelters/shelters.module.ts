import { Module } from '@nestjs/common';
import { ShelterCommands } from './shelter.commands';
import { ShelterStaff } from './shelter-staff';
import { SheltersController } from './shelters.controller';

// The stays hold shelter staff to their shelter too.
@Module({ controllers: [SheltersController], providers: [ShelterCommands, ShelterStaff], exports: [ShelterStaff] })
export class SheltersModule {}
