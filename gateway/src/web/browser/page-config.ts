/** What the gateway put into the page for its code (`PageOptions.config`), as JSON in `#page-config`. */
export function pageConfig<T>(): T {
  return JSON.parse(document.getElementById('page-config')?.textContent || '{}') as T;
}
