import { causeOfMessage, messageContextOf } from '@blog/chassis';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import { type AccountMessages, type PayloadOf, VisitorMessages } from '@blog/contracts';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import type { SqlClient } from '@blog/sql';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/**
 * Saga 4, visitor's part: the account id is cut from every visitor row that carries it.
 * Counts live in the buckets, which hold no identity, so every total stays as it was.
 */
@Injectable()
export class AnonymiseAccountVisitsHandler {
  async handle(tx: SqlClient, message: InboundMessage<AccountClosureRequested>): Promise<void> {
    const { accountId } = message.payload;
    const { rowCount } = await tx.query(
      `UPDATE post_visitors SET account_id = NULL WHERE account_id = $1`,
      [accountId],
    );
    await publishToOutbox(tx, [
      outboxMessageOf(
        VisitorMessages.AccountVisitsAnonymised,
        accountId,
        { accountId, visits: rowCount ?? 0 },
        messageContextOf(
          causeOfMessage(message.envelope, 'system:visitor'),
          message.envelope.sagaId,
        ),
      ),
    ]);
  }
}
