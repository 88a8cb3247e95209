// Whether a playground server is behind the page. Every server response carries a marker header; asking
// for the icon costs nothing and never fails on a static host.
let present = null;

export function serverPresent() {
  if (present === null) {
    present = fetch('favicon.svg', { cache: 'no-store' })
      .then((response) => response.headers.get('X-NN-Playground') === 'server')
      .catch(() => false);
  }
  return present;
}
