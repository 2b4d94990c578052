import { type Cause, messageContextOf } from '@blog/chassis';
import { BlogMessages } from '@blog/contracts';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { CLOSE_ACCOUNT_SAGA } from '../../domain/blog.sagas';

export interface AccountClosure {
  readonly closureSagaId: string;
  readonly accountId: string;
  readonly blogIds: readonly string[];
}

/** Saga 4, blog's answer: every blog the closure waited for is DELETED. Key = account id. */
export async function answerAccountClosure(
  tx: SqlClient,
  closure: AccountClosure,
  cause: Cause,
): Promise<void> {
  const { closureSagaId, accountId, blogIds } = closure;
  await publishToOutbox(tx, [
    outboxMessageOf(
      BlogMessages.AccountBlogsDeleted,
      accountId,
      { accountId, blogIds: [...blogIds] },
      messageContextOf(cause, closureSagaId),
    ),
  ]);
  await tx.query(`UPDATE account_closures SET completed_at = now() WHERE closure_saga_id = $1`, [
    closureSagaId,
  ]);
  await recordSagaStep(tx, {
    sagaId: closureSagaId,
    sagaType: CLOSE_ACCOUNT_SAGA,
    step: 'blog.delete-account-blogs',
    outcome: 'succeeded',
    messageId: cause.causationId,
  });
}

/**
 * Called in the transaction that made `blogId` DELETED. The closure row is locked first,
 * so two blogs of one account deleted at once cannot both miss the other's commit: the
 * second waits, then sees every blog DELETED and answers (exactly once).
 */
export async function completeAccountClosures(
  tx: SqlClient,
  blogId: string,
  cause: Cause,
): Promise<void> {
  const { rows } = await tx.query<{
    closure_saga_id: string;
    account_id: string;
    blog_ids: string[];
  }>(
    `SELECT closure_saga_id, account_id, blog_ids FROM account_closures
      WHERE completed_at IS NULL AND blog_ids @> ARRAY[$1::uuid]
      ORDER BY closure_saga_id FOR UPDATE`,
    [blogId],
  );
  for (const row of rows) {
    const remaining = await tx.query(
      `SELECT 1 FROM blogs WHERE blog_id = ANY($1::uuid[]) AND status <> 'DELETED' LIMIT 1`,
      [row.blog_ids],
    );
    if (remaining.rowCount) continue;
    const closure = {
      closureSagaId: row.closure_saga_id,
      accountId: row.account_id,
      blogIds: row.blog_ids,
    };
    await answerAccountClosure(tx, closure, cause);
  }
}
