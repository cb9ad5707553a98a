// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

/*
 * GitHub Pages serves a project site under a sub-path: SITE_URL=https://<user>.github.io and
 * BASE_PATH=/<repo>/ (set by .github/workflows/deploy.yml). Locally both default to the root.
 */
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // Report text is shown as written: no curled quotes, no "--" turned into dashes.
    processor: satteri({ features: { smartPunctuation: false, gfm: true } }),
  },
  devToolbar: { enabled: false },
  /*
   * Astro's caches (the content store, the incremental-build manifest and copies of built pages)
   * live outside node_modules so that CI can keep them between runs (deploy.yml) while `npm ci`
   * recreates node_modules.
   */
  cacheDir: './.cache/astro',
  experimental: {
    /*
     * Pages returned by getStaticPaths carry a cacheKey of everything they render from
     * (src/lib/page-data.ts); when it and the route's code are unchanged, the previous output is
     * reused instead of rendering the page again.
     */
    incrementalBuild: true,
  },
  /*
   * A Content-Security-Policy <meta> on every page (GitHub Pages cannot send headers). Astro adds
   * hashes for its own scripts and styles. Pagefind loads its own script, worker and WebAssembly
   * from the site ('self', 'wasm-unsafe-eval'); nothing comes from elsewhere.
   */
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
