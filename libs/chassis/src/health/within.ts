/**
 * Health checks answer within about a second or say they could not: a probe that hangs
 * makes the orchestrator's own timeout decide, and it says nothing about why.
 */
export async function within<T>(
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what} did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failure's text for a health body (never a stack). */
export const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
