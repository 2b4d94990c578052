import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import { nameRequestSpan, type RoutedRequest } from './request-span';

function spanFor(request: RoutedRequest) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const span = provider
    .getTracer('spec')
    .startSpan('request', { attributes: { [ATTR_URL_PATH]: request.url } });
  nameRequestSpan(span, request);
  span.end();
  const [finished] = exporter.getFinishedSpans();
  if (!finished) throw new Error('no span was exported');
  return finished;
}

describe('nameRequestSpan', () => {
  it('names the span by method and route, as the semantic conventions do', () => {
    const span = spanFor({ method: 'GET', url: '/posts/42', routeOptions: { url: '/posts/:id' } });
    expect(span.name).toBe('GET /posts/:id');
    expect(span.attributes[ATTR_URL_PATH]).toBe('/posts/42');
  });

  it('names an unrouted request (a 404) by its method alone', () => {
    expect(spanFor({ method: 'POST', url: '/nowhere', routeOptions: {} }).name).toBe('POST');
  });

  it('keeps the query string out of url.path', () => {
    const span = spanFor({
      method: 'GET',
      url: '/feed?limit=5&q=x',
      routeOptions: { url: '/feed' },
    });
    expect(span.attributes[ATTR_URL_PATH]).toBe('/feed');
  });
});
