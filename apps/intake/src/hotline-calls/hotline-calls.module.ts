import { Module } from '@nestjs/common';
import { HotlineCallCommands } from './hotline-call.commands';
import { HotlineCallsController } from './hotline-calls.controller';

@Module({ controllers: [HotlineCallsController], providers: [HotlineCallCommands] })
export class HotlineCallsModule {}
