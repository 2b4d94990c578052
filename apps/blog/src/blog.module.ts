import { Module } from '@nestjs/common';

/** The blog service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class BlogModule {}
