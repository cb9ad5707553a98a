/**
 * What list pages show of a report, looked up once in getStaticPaths and passed to the page as
 * props, and the incremental-build key made of those props: Astro (experimental.incrementalBuild)
 * reuses a page's previous output when its route's code and its cacheKey are unchanged, so the key
 * must cover everything the page reads besides its route's code and the site config. Pages get
 * their data only from props for that reason.
 */
import { getEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { laterPages, listPage, type ListPage } from './paginate.ts';

export interface ReportLine {
  id: string;
  title: string;
  province: { slug: string; name: string } | null;
}

export async function reportLines(ids: readonly string[]): Promise<ReportLine[]> {
  const entries = await Promise.all(ids.map((id) => getEntry('reports', id)));
  return entries.filter((r) => r !== undefined).map((r) => ({ id: r.id, title: r.data.title, province: r.data.province ? { slug: r.data.province.slug, name: r.data.province.name } : null }));
}

/** A page's incremental-build key: a hash of what it renders from. */
export function cacheKey(...inputs: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}

/** A getStaticPaths entry whose cacheKey is its props. */
export function keyed<P, T extends { params: Record<string, string | undefined>; props: P }>(path: T): T & { cacheKey: string } {
  return { ...path, cacheKey: cacheKey(path.params, path.props) };
}

/**
 * getStaticPaths of a `<entity>/[param]/reports/[page]` route over lists of report ids: pages
 * 2…n of each entity's list, with the report lines of the page and what `head` takes of the entity.
 */
export function reportListPaths<E extends { id: string }, H>(
  entities: readonly E[],
  idsOf: (e: E) => readonly string[],
  param: string,
  head: (e: E) => H,
): Promise<Array<{ params: Record<string, string>; props: { head: H; list: ListPage<ReportLine> }; cacheKey: string }>> {
  return Promise.all(
    laterPages(entities, idsOf).map(async ({ entity, page }) => {
      const list = listPage(idsOf(entity), page);
      return keyed({ params: { [param]: entity.id, page: String(page) }, props: { head: head(entity), list: { ...list, items: await reportLines(list.items) } } });
    }),
  );
}
