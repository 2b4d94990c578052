import { Module } from '@nestjs/common';

/** The visitor service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class VisitorModule {}
