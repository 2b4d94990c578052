import { causeOfMessage } from '@blog/chassis';
import type { InboundMessage } from '@blog/consumer';
import type { AccountMessages, PayloadOf } from '@blog/contracts';
import { MissingSagaIdError, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { CLOSE_ACCOUNT_SAGA } from '../../domain/blog.sagas';
import type { BlogStatus } from '../../domain/blog.state';
import { lockAccount } from '../../infrastructure/account-closures';
import { SYSTEM_ACTOR } from '../../infrastructure/blog-event-store';
import { DeleteBlogHandler } from '../delete-blog/delete-blog.handler';
import { answerAccountClosure } from './account-closure-completion';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/**
 * Saga 4, blog's part: every ACTIVE blog of the account goes through saga 3 as a child
 * saga: its own saga id, caused by the closure message and keeping its correlation id, so
 * one search by correlation id shows the whole closure from the HTTP request on. Blogs already DELETING are
 * waited for too. The closure is answered when all are DELETED — at once when none are left.
 */
@Injectable()
export class DeleteAccountBlogsHandler {
  constructor(private readonly deletion: DeleteBlogHandler) {}

  async execute(tx: SqlClient, message: InboundMessage<AccountClosureRequested>): Promise<void> {
    const { envelope, payload } = message;
    const closureSagaId = envelope.sagaId;
    if (closureSagaId === null) {
      throw new MissingSagaIdError(`AccountClosureRequested ${envelope.messageId}`);
    }
    const { accountId } = payload;
    await lockAccount(tx, accountId);
    const known = await tx.query(`SELECT 1 FROM account_closures WHERE closure_saga_id = $1`, [
      closureSagaId,
    ]);
    if (known.rowCount) return;
    const { rows } = await tx.query<{ blog_id: string; status: BlogStatus }>(
      `SELECT blog_id, status FROM blogs WHERE owner_id = $1 AND status <> 'DELETED' ORDER BY seq`,
      [accountId],
    );
    const cause = causeOfMessage(envelope, SYSTEM_ACTOR);
    for (const blog of rows.filter((row) => row.status === 'ACTIVE')) {
      await this.deletion.requestDeletion(
        tx,
        blog.blog_id,
        { kind: 'account-closure', closureSagaId },
        cause,
      );
    }
    const blogIds = rows.map((row) => row.blog_id);
    await tx.query(
      `INSERT INTO account_closures (closure_saga_id, account_id, blog_ids) VALUES ($1, $2, $3)`,
      [closureSagaId, accountId, blogIds],
    );
    await recordSagaStep(tx, {
      sagaId: closureSagaId,
      sagaType: CLOSE_ACCOUNT_SAGA,
      step: 'blog.delete-account-blogs',
      outcome: 'started',
      messageId: envelope.messageId,
    });
    if (blogIds.length === 0)
      await answerAccountClosure(tx, { closureSagaId, accountId, blogIds }, cause);
  }
}
