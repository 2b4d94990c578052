import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { UserModule } from './user.module';

export const userService = {
  service: 'user',
  module: UserModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(userService);
