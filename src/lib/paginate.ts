/**
 * Long lists on entity pages (a province's reports, the reports that name a partner) are split
 * into pages of PAGE_SIZE with stable URLs: page 1 is the entity page itself
 * (`provinces/<slug>/`), page n ≥ 2 is `provinces/<slug>/reports/<n>/`. Items keep the order the
 * content stage gives them, so a page's URL never changes meaning except as reports are added.
 */
export const PAGE_SIZE = 50;

export interface ListPage<T> {
  /** 1-based page number. */
  page: number;
  pages: number;
  /** Total items across all pages. */
  total: number;
  /** Index (0-based) of this page's first item in the whole list. */
  start: number;
  items: T[];
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function listPage<T>(items: readonly T[], page: number, size = PAGE_SIZE): ListPage<T> {
  const pages = pageCount(items.length, size);
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  return { page: current, pages, total: items.length, start, items: items.slice(start, start + size) };
}

/** Site-relative path of page `page` of the list on the entity page `entityPath` ("provinces/ha-noi/"). */
export function listPath(entityPath: string, page: number): string {
  return page <= 1 ? entityPath : `${entityPath}reports/${page}/`;
}

/** Pages 2…n of every entity's list, for getStaticPaths of a `[slug]/reports/[page]` route. */
export function laterPages<E, T>(entities: readonly E[], itemsOf: (e: E) => readonly T[], size = PAGE_SIZE): Array<{ entity: E; page: number }> {
  return entities.flatMap((entity) => {
    const pages = pageCount(itemsOf(entity).length, size);
    return Array.from({ length: pages - 1 }, (_, i) => ({ entity, page: i + 2 }));
  });
}

/** The list of reports whose province could not be determined (provinces/<slug>/ never takes this slug: provinces come from a fixed list). */
export const UNPLACED_PATH = 'provinces/chua-xac-dinh/';
