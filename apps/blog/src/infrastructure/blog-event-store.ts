import {
  type CommandOptions,
  type CommandResult,
  type EventContext,
  EventStore,
  handleCommand,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { BlogCommand } from '../domain/blog.commands';
import { decideBlog } from '../domain/blog.decide';
import { BLOG_STREAM_TYPE, type BlogEvent, blogStreamId } from '../domain/blog.events';
import { evolveBlog } from '../domain/blog.evolve';
import { type BlogState, initialBlogState } from '../domain/blog.state';
import { projectBlogs } from './blogs.inline-projection';

/** The blog service's store: the `blogs` read model is written in every appending transaction. */
export const createBlogEventStore = () => new EventStore({ inlineProjections: [projectBlogs] });

/** The actor of the events blog appends on its own: reacting to a message, or a deadline. */
export const SYSTEM_ACTOR = 'system:blog';

const BLOG_STREAM: CommandOptions<BlogState, BlogEvent> = {
  streamType: BLOG_STREAM_TYPE,
  evolve: evolveBlog,
  initialState: initialBlogState,
};

/** load → decide → append (with the read model) for one blog, in the caller's transaction. */
export function executeBlogCommand(
  tx: SqlClient,
  store: EventStore,
  blogId: string,
  command: BlogCommand,
  context: EventContext,
): Promise<CommandResult<BlogState, BlogEvent>> {
  return handleCommand(tx, store, blogStreamId(blogId), BLOG_STREAM, context, (state) =>
    decideBlog(command, state),
  );
}
