import { Module } from '@nestjs/common';

/** The subscribe service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class SubscribeModule {}
