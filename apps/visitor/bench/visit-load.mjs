// Load for the visit write path: N concurrent clients POST /visits for D seconds against
// one freshly published post, then report requests/s and latency percentiles.
//
//   node apps/visitor/bench/visit-load.mjs [--concurrency 50] [--seconds 10]
//        [--visitors new|repeat] [--url http://127.0.0.1:3005/visits]
//
// The post is published the way post would (a PostPublished record on outbox.event.post),
// so the running visitor's own consumer opens its counters first.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    visitors: { type: 'string', default: 'new' },
    url: { type: 'string', default: 'http://127.0.0.1:3005/visits' },
  },
});
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
const statsUrl = (postId) => values.url.replace(/\/visits$/, `/stats/posts/${postId}`);

async function publishPost() {
  const postId = randomUUID();
  const kafka = new Kafka({
    clientId: 'visit-load',
    brokers: ['127.0.0.1:9092'],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: 'outbox.event.post',
    messages: [
      {
        key: postId,
        value: JSON.stringify({
          postId,
          blogId: randomUUID(),
          authorId: randomUUID(),
          title: 'Load',
          slug: `load-${postId}`,
          publishedAt: new Date().toISOString(),
        }),
        headers: {
          id: randomUUID(),
          eventType: 'PostPublished',
          correlationId: randomUUID(),
          occurredAt: new Date().toISOString(),
          schemaVersion: '1',
        },
      },
    ],
  });
  await producer.disconnect();
  for (let tries = 0; tries < 300; tries += 1) {
    if ((await fetch(statsUrl(postId))).status === 200) return postId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('counters did not open');
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const postId = await publishPost();
const repeatIds = Array.from({ length: 200 }, () => randomUUID());
const latencies = [];
const statuses = new Map();
const end = Date.now() + seconds * 1000;

async function client() {
  while (Date.now() < end) {
    const visitorId =
      values.visitors === 'repeat'
        ? repeatIds[Math.floor(Math.random() * repeatIds.length)]
        : randomUUID();
    const started = performance.now();
    const response = await fetch(values.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-id': visitorId },
      body: JSON.stringify({ postId }),
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, client));
const elapsedS = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const counted = await (await fetch(statsUrl(postId))).json();
process.stdout.write(
  `${JSON.stringify(
    {
      concurrency,
      seconds: Number(elapsedS.toFixed(2)),
      visitors: values.visitors,
      requests: latencies.length,
      statuses: Object.fromEntries(statuses),
      requestsPerSecond: Math.round(latencies.length / elapsedS),
      latencyMs: {
        p50: Number(percentile(latencies, 50).toFixed(1)),
        p99: Number(percentile(latencies, 99).toFixed(1)),
        max: Number(latencies.at(-1).toFixed(1)),
      },
      counted,
    },
    null,
    2,
  )}\n`,
);
