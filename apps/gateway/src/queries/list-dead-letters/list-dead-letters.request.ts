import { deadLetterFilter, pageQuery } from '@blog/chassis';
import { deadLetterCursor } from '../../infrastructure/dead-letter-sources';

/** `?status=&sagaId=&limit=&cursor=`: the cursor carries every source's position. */
export const listDeadLettersRequest = pageQuery.extend(deadLetterFilter.shape).extend({
  cursor: deadLetterCursor.optional().describe(pageQuery.shape.cursor.description ?? ''),
});
