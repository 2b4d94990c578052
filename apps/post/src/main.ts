import 'reflect-metadata';
import { runService } from '@blog/chassis';
import { outboxMigrations } from '@blog/outbox';
import { PostModule } from './post.module';

export const postService = {
  service: 'post',
  module: PostModule,
  migrations: [...outboxMigrations],
} as const;

if (require.main === module) void runService(postService);
