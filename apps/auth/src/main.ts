import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { AuthModule } from './auth.module';

export const authService = {
  service: 'auth',
  module: AuthModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(authService);
