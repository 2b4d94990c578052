import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { userMigrations } from './infrastructure/user-migrations';
import { UserModule } from './user.module';

export const userService = {
  service: 'user',
  module: UserModule,
  migrations: userMigrations,
} as const;

if (require.main === module) void runService(userService);
