import { Module } from '@nestjs/common';

/** The post service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class PostModule {}
