import { Module } from '@nestjs/common';

/** The user service: its use cases arrive with the domain (see DESIGN.md). */
@Module({})
export class UserModule {}
