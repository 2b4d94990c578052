import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { BlogModule } from './blog.module';
import { blogMigrations } from './infrastructure/blog-migrations';

export const blogService = {
  service: 'blog',
  module: BlogModule,
  migrations: blogMigrations,
} as const;

if (require.main === module) void runService(blogService);
