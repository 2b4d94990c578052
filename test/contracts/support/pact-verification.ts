import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_A_SAGA, PACTS_DIR } from '@blog/testing/message-pact';
import {
  type MessageDescriptor,
  MessageProviderPact,
  providerWithMetadata,
} from '@pact-foundation/pact';

// Pact's core reports usage unless told not to; the pact tier sets it, other tiers use this too.
process.env['PACT_DO_NOT_TRACK'] = 'true';

/** A message as its consumers receive it: topic, key, headers (nulls as null) and JSON text. */
export interface WireMessage {
  readonly topic: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string | null>>;
  readonly value: string | null;
}

interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly {
    readonly description: string;
    readonly metadata?: { readonly eventType?: string };
  }[];
}

interface VerificationResult {
  readonly interactionResults?: readonly {
    readonly consumer: string;
    readonly description: string;
    readonly result: string;
  }[];
}

/** The committed pacts: every consumer's word (written by the apps' *.pact.spec.ts). */
export const committedPacts = readdirSync(PACTS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    pact: JSON.parse(readFileSync(join(PACTS_DIR, file), 'utf8')) as PactFile,
  }));

/** What a producer sends for a message type, within a saga or not; undefined if it sends none. */
export type Producer = (type: string, inSaga: boolean) => WireMessage | undefined;

/**
 * One producer against every committed pact that names it, restricted to the message types
 * `covers`; each interaction's message comes from `produce`. Resolves to the interactions that
 * failed, as `<consumer>: <description>` (Pact prints why).
 */
export async function pactFailures(
  provider: string,
  produce: Producer,
  covers: (type: string) => boolean = () => true,
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), `pacts-${provider}-`));
  const messageProviders: Record<string, (descriptor: MessageDescriptor) => unknown> = {};
  for (const { file, pact } of committedPacts.filter((p) => p.pact.provider.name === provider)) {
    const interactions = pact.interactions.filter((i) => covers(i.metadata?.eventType ?? ''));
    writeFileSync(join(dir, file), JSON.stringify({ ...pact, interactions }));
    for (const { description, metadata } of interactions) {
      messageProviders[description] = (descriptor) => {
        const type = metadata?.eventType ?? '';
        const inSaga = descriptor.providerStates?.some(({ name }) => name === IN_A_SAGA) ?? false;
        const message = produce(type, inSaga);
        if (!message)
          throw new Error(`${provider} sends no ${type}, which ${pact.consumer.name} reads`);
        const headers = Object.entries(message.headers).flatMap(([name, value]) =>
          value === null ? [] : [[name, value] as const],
        );
        return providerWithMetadata(() => JSON.parse(message.value ?? 'null') as unknown, {
          kafka_topic: message.topic,
          ...(message.key === null ? {} : { key: message.key }),
          ...Object.fromEntries(headers),
        })(descriptor);
      };
    }
  }
  const verification = new MessageProviderPact({
    provider,
    pactUrls: readdirSync(dir).map((file) => join(dir, file)),
    messageProviders,
    logLevel: 'error',
  }).verify();
  const error = await verification.then(
    () => null,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof Error)) return [];
  const { interactionResults = [] } = JSON.parse(error.message) as VerificationResult;
  return interactionResults
    .filter(({ result }) => result !== 'OK')
    .map(({ consumer, description }) => `${consumer}: ${description}`);
}
