type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `$ref` in the document, with where it was found. */
function refsIn(value: unknown, at: string, found: [string, string][]): [string, string][] {
  if (Array.isArray(value)) value.forEach((item, i) => refsIn(item, `${at}/${i}`, found));
  else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push([at, inner]);
      else refsIn(inner, `${at}/${key}`, found);
    }
  }
  return found;
}

function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), document);
}

/**
 * The structural rules of OpenAPI 3.0 this document could break: required fields, every
 * operation with responses, path templates matching declared path parameters, security
 * naming declared schemes, and every local `$ref` resolving. (No full schema validator is
 * installed; these are the rules a generator-built document gets wrong.)
 */
export function openApiProblems(document: Json): string[] {
  const problems: string[] = [];
  const info = document['info'];
  if (!isObject(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') {
    problems.push('info.title and info.version are required');
  }
  const paths = document['paths'];
  if (!isObject(paths) || Object.keys(paths).length === 0) return [...problems, 'paths is empty'];
  const schemes = isObject(document['components'])
    ? Object.keys((document['components'] as Json)['securitySchemes'] ?? {})
    : [];
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: must start with /`);
    if (!isObject(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    for (const [method, operation] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method) || !isObject(operation)) {
        problems.push(`${where}: not an operation`);
        continue;
      }
      const responses = operation['responses'];
      if (!isObject(responses) || Object.keys(responses).length === 0) {
        problems.push(`${where}: no responses`);
      } else {
        for (const [status, response] of Object.entries(responses)) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status))
            problems.push(`${where}: status ${status}`);
          if (
            isObject(response) &&
            !('$ref' in response) &&
            typeof response['description'] !== 'string'
          ) {
            problems.push(`${where} ${status}: description is required`);
          }
        }
      }
      const declared = (Array.isArray(operation['parameters']) ? operation['parameters'] : [])
        .filter((p): p is Json => isObject(p) && p['in'] === 'path')
        .map((p) => {
          if (p['required'] !== true)
            problems.push(`${where}: path parameter ${String(p['name'])} must be required`);
          return String(p['name']);
        })
        .sort();
      if (JSON.stringify(declared) !== JSON.stringify(templated)) {
        problems.push(
          `${where}: path parameters ${declared.join(',')} ≠ template ${templated.join(',')}`,
        );
      }
      const id = operation['operationId'];
      if (typeof id === 'string') {
        if (operationIds.has(id)) problems.push(`${where}: duplicate operationId ${id}`);
        operationIds.add(id);
      }
      for (const requirement of Array.isArray(operation['security']) ? operation['security'] : []) {
        for (const scheme of Object.keys(isObject(requirement) ? requirement : {})) {
          if (!schemes.includes(scheme))
            problems.push(`${where}: unknown security scheme ${scheme}`);
        }
      }
    }
  }
  for (const [at, ref] of refsIn(document, '#', [])) {
    if (resolve(document, ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);
  }
  return problems;
}
