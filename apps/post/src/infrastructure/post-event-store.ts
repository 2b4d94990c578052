import {
  type CommandOptions,
  type CommandResult,
  type Decide,
  type EventContext,
  EventStore,
  handleCommand,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { PostCommand } from '../domain/post.commands';
import { decidePost } from '../domain/post.decide';
import { POST_STREAM_TYPE, type PostEvent, postStreamId } from '../domain/post.events';
import { evolvePost } from '../domain/post.evolve';
import { initialPostState, type PostState } from '../domain/post.state';
import { projectPosts } from './posts.inline-projection';

/** The post service's store: the `posts` read model is written in every appending transaction. */
export const createPostEventStore = () => new EventStore({ inlineProjections: [projectPosts] });

/** The actor of the events post appends on its own: reacting to a message, or a deadline. */
export const SYSTEM_ACTOR = 'system:post';

const POST_STREAM: CommandOptions<PostState, PostEvent> = {
  streamType: POST_STREAM_TYPE,
  evolve: evolvePost,
  initialState: initialPostState,
};

export type PostCommandResult = CommandResult<PostState, PostEvent>;

/** handleCommand for one post, with a decision of the caller's (e.g. one that reads the blog). */
export function executeOnPost(
  tx: SqlClient,
  store: EventStore,
  postId: string,
  context: EventContext,
  decide: Decide<PostState, PostEvent>,
): Promise<PostCommandResult> {
  return handleCommand(tx, store, postStreamId(postId), POST_STREAM, context, decide);
}

/** handleCommand for one post and one of its commands. */
export function executePostCommand(
  tx: SqlClient,
  store: EventStore,
  postId: string,
  command: PostCommand,
  context: EventContext,
): Promise<PostCommandResult> {
  return executeOnPost(tx, store, postId, context, (state) => decidePost(command, state));
}
