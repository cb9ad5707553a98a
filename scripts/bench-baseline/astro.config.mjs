// @ts-check
/*
 * The bare baseline for `npm run bench`: the same report text as plain MDX pages (src/pages/r/<n>.mdx,
 * written by scripts/bench.ts into a temporary copy of this folder), a bare HTML layout, no fact
 * boxes, entity pages or components. Built with the project's node_modules (symlinked into the copy).
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
