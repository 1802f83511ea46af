/**
 * Which URL is the app's own page. Pure (no Electron at run time) so the decision is unit-tested
 * without the binary; security.ts, the IPC transport and the downloads guard all ask this.
 */

/** The parts of a URL that must all match: everything except the fragment. */
function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * True only when `url` is the renderer's index page itself: same scheme, host (a `file://server/…`
 * UNC share is not our page), path, query and no credentials; only the fragment may differ. A path
 * or prefix match let `file://other-host/<same path>` and `<our page>/../elsewhere` tricks through.
 */
export function isAppPage(url: string, rendererIndexUrl: string): boolean {
  try {
    return withoutFragment(new URL(url)) === withoutFragment(new URL(rendererIndexUrl));
  } catch {
    return false;
  }
}
