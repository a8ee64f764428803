// The skip links first in the page: Enter moves the focus to the map or the events panel, so the
// next Tab goes on from there. They are handled here rather than followed: the URL's hash is the
// map's permalink, which a plain #map link would overwrite.
export function skipLinks(root = document) {
  for (const link of root.querySelectorAll('.skip-link[data-skip]')) {
    link.addEventListener('click', (e) => {
      e.preventDefault();
      const target = document.getElementById(link.dataset.skip);
      target?.focus({ preventScroll: false });
    });
  }
}
