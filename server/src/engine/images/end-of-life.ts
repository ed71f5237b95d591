import data from './data/end-of-life.json';

/** One release line of a distribution or runtime, as scripts/data/generate-end-of-life.mjs writes it. */
export interface LifecycleLine {
  /** "11", "3.12", "16.04": the version prefix images tag the line by. */
  line: string;
  codename?: string;
  /** Other exact tags for the line, e.g. "2" for Python 2.7. */
  aliases?: string[];
  released: string;
  /** When the line became a long-term-support line. */
  lts?: string;
  /** Last day of free security support; null when no end is announced. */
  eol: string | null;
  source: string;
}

export interface LifecycleProduct {
  /** How messages name a line: "Debian {line} ({codename})". */
  title: string;
  suggest: 'lts' | 'any';
  /** The product that replaces this one, when the image itself is retired. */
  successor?: string;
  /** What to say when no supported line is left. */
  advice?: string;
  lines: LifecycleLine[];
}

const table = data as { asOf: string; products: Record<string, LifecycleProduct> };

/** The date the table was generated: "today" for callers that pass none, so results are reproducible. */
export const END_OF_LIFE_AS_OF = table.asOf;

export function lifecycleProduct(id: string): LifecycleProduct | undefined {
  return table.products[id];
}

/** The line a version ("16.20.2") or alias ("bullseye") belongs to; undefined when the table does not know it. */
export function findLine(productId: string, version: string): LifecycleLine | undefined {
  const lines = table.products[productId]?.lines ?? [];
  const byAlias = lines.find((line) => line.codename === version || line.aliases?.includes(version));
  if (byAlias) return byAlias;
  const parts = version.split('.');
  // "3.8.18" is Python 3.8 and "9.13" Debian 9; "3" alone names no single Python line.
  const matches = lines.filter((line) => {
    const lineParts = line.line.split('.');
    return lineParts.length <= parts.length && lineParts.every((part, index) => part === parts[index]);
  });
  return matches.sort((a, b) => b.line.length - a.line.length)[0];
}

/** The line a codename names ("bullseye"), for words that may mean something else when not one. */
export function findCodename(productId: string, name: string): LifecycleLine | undefined {
  return table.products[productId]?.lines.find((line) => line.codename === name);
}

/** The caller's ISO date when it is one, else the table's date. */
export function effectiveToday(today: string | undefined): string {
  return today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : END_OF_LIFE_AS_OF;
}

export function isEndOfLife(line: LifecycleLine, today: string): boolean {
  // Reported from the day after the last supported day, never on it.
  return line.eol !== null && line.eol < today;
}

function isSupported(line: LifecycleLine, today: string): boolean {
  return line.released <= today && (line.eol === null || line.eol > today);
}

export interface Suggestion {
  productId: string;
  product: LifecycleProduct;
  line: LifecycleLine;
}

/**
 * The line to move to: for a retired image the successor's same line when it is supported,
 * otherwise the newest supported line (long-term-support ones only where the product has them).
 */
export function suggestLine(productId: string, from: LifecycleLine, today: string): Suggestion | undefined {
  const product = table.products[productId];
  if (!product) return undefined;
  if (product.successor) {
    const successor = table.products[product.successor];
    const same = successor?.lines.find((line) => line.line === from.line && isSupported(line, today));
    if (successor && same) return { productId: product.successor, product: successor, line: same };
    return suggestLine(product.successor, from, today);
  }
  const candidates = product.lines.filter(
    (line) => isSupported(line, today) && (product.suggest === 'any' || (line.lts !== undefined && line.lts <= today)),
  );
  const newest = candidates.reduce<LifecycleLine | undefined>((best, line) => (!best || line.released > best.released ? line : best), undefined);
  return newest && { productId, product, line: newest };
}

/** "Debian 11 (bullseye)" */
export function lineTitle(productId: string, line: LifecycleLine): string {
  const title = table.products[productId]?.title ?? `${productId} {line}`;
  return title.replace('{line}', line.line).replace('{codename}', line.codename ?? '');
}
