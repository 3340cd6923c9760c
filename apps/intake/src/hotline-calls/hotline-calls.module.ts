import { Module } from '@nestjs/common';
import { HotlineCallsController } from './hotline-calls.controller';
import { LogHotlineCall } from './log-hotline-call';

@Module({ controllers: [HotlineCallsController], providers: [LogHotlineCall] })
export class HotlineCallsModule {}
