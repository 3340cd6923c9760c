import { Module } from '@nestjs/common';
import { AgencyComplaintCommands } from './agency-complaint.commands';
import { AgencyComplaintsController } from './agency-complaints.controller';

@Module({ controllers: [AgencyComplaintsController], providers: [AgencyComplaintCommands] })
export class AgencyComplaintsModule {}
