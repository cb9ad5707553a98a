/**
 * The environment for a child Astro build: the parent's, minus what Vitest injects for its own Vite
 * (BASE_URL, MODE, DEV, PROD, SSR: Astro would read BASE_URL and ignore the base under test) and
 * the deploy settings (BASE_PATH, SITE_URL), which the caller passes explicitly in `extra`.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'BASE_PATH', 'SITE_URL'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
