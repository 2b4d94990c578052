import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { BlogModule } from './blog.module';

export const blogService = {
  service: 'blog',
  module: BlogModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(blogService);
