import {
  aggregateStream,
  type EventContext,
  EventStore,
  loadAggregate,
  type LoadOptions,
  type RecordedEvent,
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

const POST_STREAM: LoadOptions<PostState, PostEvent> = {
  evolve: evolvePost,
  initialState: initialPostState,
};

export interface PostCommandResult {
  readonly state: PostState;
  readonly events: readonly RecordedEvent<PostEvent>[];
  /** The stream's version after the append: the post's ETag. */
  readonly version: number;
}

/**
 * load → decide → append for one post, in the caller's transaction. `decide` sees the
 * loaded version (for If-Match) and may read what it needs first (e.g. the post's blog);
 * a concurrent writer makes the append throw ConcurrencyError.
 */
export async function executeOnPost(
  tx: SqlClient,
  store: EventStore,
  postId: string,
  context: EventContext,
  decide: (state: PostState, version: number) => PostEvent[] | Promise<PostEvent[]>,
): Promise<PostCommandResult> {
  const streamId = postStreamId(postId);
  const loaded = await loadAggregate(tx, store, streamId, POST_STREAM);
  const decided = await decide(loaded.state, loaded.version);
  const appended = await store.append(
    tx,
    streamId,
    POST_STREAM_TYPE,
    decided,
    loaded.version,
    context,
  );
  return {
    state: aggregateStream(appended.events, evolvePost, () => loaded.state),
    events: appended.events,
    version: appended.nextExpectedVersion,
  };
}

export function executePostCommand(
  tx: SqlClient,
  store: EventStore,
  postId: string,
  command: PostCommand,
  context: EventContext,
): Promise<PostCommandResult> {
  return executeOnPost(tx, store, postId, context, (state) => decidePost(command, state));
}
