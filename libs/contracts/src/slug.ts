const MAX_SLUG_LENGTH = 200;

/**
 * The slug of a blog or post (BlogCreated and PostPublished carry it): a URL-friendly form
 * of a title: letters and digits of any script, lower-cased, accents on Latin letters
 * dropped (other scripts keep their marks: a kana's dakuten is part of the letter),
 * everything else collapsed into single dashes; `untitled` when nothing is left.
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** The first of `base`, `base-2`, `base-3`, … that is not taken. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
