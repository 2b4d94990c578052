import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { AuthModule } from './auth.module';
import { authMigrations } from './infrastructure/auth-migrations';

export const authService = {
  service: 'auth',
  module: AuthModule,
  migrations: authMigrations,
} as const;

if (require.main === module) void runService(authService);
