/** Site-internal URL that respects the deploy base (GitHub Pages sub-path): href('partners/x/') → '/atlas/partners/x/'. */
export function href(path: string, base: string = import.meta.env.BASE_URL): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}
