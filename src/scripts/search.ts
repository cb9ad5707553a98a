/** Starts Pagefind's UI. The bundle path is explicit so the site works under a sub-path base. */
interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  mergeIndex?: Array<{ bundlePath: string }>;
  showSubResults?: boolean;
  showImages?: boolean;
  resetStyles?: boolean;
  translations?: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

function start() {
  const host = document.getElementById('search');
  if (!host || !window.PagefindUI) return;
  new window.PagefindUI({
    element: '#search',
    bundlePath: host.dataset.bundlePath ?? '/pagefind/',
    // Large archives split the index into several bundles (src/lib/search-bundles.ts).
    mergeIndex: (host.dataset.merge ?? '').split(' ').filter(Boolean).map((bundlePath) => ({ bundlePath })),
    showSubResults: true,
    showImages: false,
    translations: { placeholder: 'Tìm tỉnh, đối tác, quốc gia…', zero_results: 'Không tìm thấy kết quả cho [SEARCH_TERM]' },
  });
  const q = new URLSearchParams(location.search).get('q');
  const input = host.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
  // The default UI's input has only a placeholder; give it an accessible name.
  input?.setAttribute('aria-label', 'Tìm trong Ngoại vụ Atlas');
  if (q && input) {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

export {};
