import { Module } from '@nestjs/common';

/** The auth service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class AuthModule {}
