import * as account from './account.contracts';
import * as blog from './blog.contracts';
import type { AnyMessageContract } from './message-contract';
import * as post from './post.contracts';
import * as profile from './profile.contracts';
import * as subscription from './subscription.contracts';
import * as visitor from './visitor.contracts';

/**
 * Every integration message the services send: what the saga monitor reads, what the
 * AsyncAPI document and the schema snapshots describe, what contract tests verify.
 */
export const MESSAGE_CONTRACTS: readonly AnyMessageContract[] = [
  account,
  blog,
  post,
  profile,
  subscription,
  visitor,
].flatMap((module) => Object.values<AnyMessageContract>(module));
