import { randomUUID } from 'node:crypto';
import { api, eventually, mintAccessToken, newPerson, type Registration } from '@blog/testing';

export interface LoadOptions {
  readonly seconds: number;
  /** Sagas of each kind (sign-up, publication) started per second. */
  readonly perSecond: number;
  /** Runs while the load runs, e.g. a crash and a restart at chosen moments. */
  readonly during?: () => Promise<void>;
}

export interface LoadResult {
  readonly signUps: readonly Registration[];
  readonly publications: readonly { readonly postId: string; readonly sagaId: string }[];
  /** Commands the gateway did not accept: the outbox promise is that there are none. */
  readonly refused: readonly string[];
}

/**
 * An author with one blog and a subscriber of it, set up once; then a steady stream of
 * sign-ups (auth → user → auth) and publications (post → blog → post → subscribe,
 * visitor) through the gateway. Drafts are written first, so the load is only saga starts.
 */
export class SagaLoad {
  private constructor(
    readonly authorToken: string,
    readonly blogId: string,
    readonly subscriberId: string,
  ) {}

  static async prepare(): Promise<SagaLoad> {
    const authorId = randomUUID();
    const subscriberId = randomUUID();
    const authorToken = await mintAccessToken({ accountId: authorId });
    const subscriberToken = await mintAccessToken({ accountId: subscriberId });
    const blog = await api<{ id: string }>('POST', '/api/blogs', {
      token: authorToken,
      body: { title: `Load ${randomUUID().slice(0, 8)}` },
    });
    if (blog.status !== 201) throw new Error(`blog: ${blog.status} ${JSON.stringify(blog.body)}`);
    await eventually(
      () =>
        api('POST', '/api/subscriptions', {
          token: subscriberToken,
          body: { blogId: blog.body.id },
        }),
      (response) => response.status === 201 || response.status === 409,
    );
    return new SagaLoad(authorToken, blog.body.id, subscriberId);
  }

  async run(options: LoadOptions): Promise<LoadResult> {
    const total = options.seconds * options.perSecond;
    const drafts: string[] = [];
    for (let i = 0; i < total; i += 1) drafts.push(await this.draft(i));
    const signUps: Promise<Registration | string>[] = [];
    const publications: Promise<{ postId: string; sagaId: string } | string>[] = [];
    const faults = options.during?.() ?? Promise.resolve();
    const started = Date.now();
    for (let i = 0; i < total; i += 1) {
      // Steady rate: the i-th pair starts at i / perSecond seconds, however slow answers are.
      const due = started + (i * 1000) / options.perSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      signUps.push(this.signUp());
      publications.push(this.publish(drafts[i] ?? ''));
    }
    await faults;
    const refused: string[] = [];
    const keep = <T>(results: (T | string)[]) =>
      results.filter((r): r is T => {
        if (typeof r !== 'string') return true;
        refused.push(r);
        return false;
      });
    return {
      signUps: keep(await Promise.all(signUps)),
      publications: keep(await Promise.all(publications)),
      refused,
    };
  }

  private async draft(i: number): Promise<string> {
    const created = await eventually(
      () =>
        api<{ id: string }>('POST', '/api/posts', {
          token: this.authorToken,
          body: { blogId: this.blogId, title: `Load post ${i}`, body: 'steady' },
        }),
      (response) => response.status !== 404,
    );
    if (created.status !== 201) throw new Error(`draft: ${created.status}`);
    return created.body.id;
  }

  private async signUp(): Promise<Registration | string> {
    const response = await api<Registration>('POST', '/api/auth/register', {
      body: newPerson(),
    });
    return response.status === 202 ? response.body : `register ${response.status}`;
  }

  private async publish(postId: string) {
    const response = await api<{ sagaId: string }>('POST', `/api/posts/${postId}/publish`, {
      token: this.authorToken,
    });
    return response.status === 202
      ? { postId, sagaId: response.body.sagaId }
      : `publish ${response.status}`;
  }
}
