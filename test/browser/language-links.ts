// Runs in the page: needs the DOM types of test/browser/tsconfig.json.

/**
 * Runs in the page (one round trip, in the page's own world: a Playwright locator would first install Playwright's
 * injected script in each new document, which cost more CPU than these checks). The alternate links' languages and
 * targets, and for each other language whether its link in <main> is visible by Playwright's rule for
 * `locator.isVisible()` (playwright-core 1.65, injected script `computeBox`): exactly one element matches (a locator is
 * strict: more than one is an error), it is not `display: contents` (then: a child element visible, or a child text
 * node with a non-empty box), `checkVisibility()` holds, its computed `visibility` is `visible` and its bounding box
 * is not empty.
 */
export function languageLinks({ others, file }: { others: string[]; file: string }): {
  alternates: string[];
  visible: boolean[];
} {
  const textVisible = (node: Text): boolean => {
    const range = document.createRange();
    range.selectNode(node);
    const rect = range.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const elementVisible = (element: Element): boolean => {
    const style = getComputedStyle(element);
    if (style.display === 'contents')
      return [...element.childNodes].some((child) =>
        child.nodeType === Node.ELEMENT_NODE
          ? elementVisible(child as Element)
          : child.nodeType === Node.TEXT_NODE && textVisible(child as Text),
      );
    if (!element.checkVisibility() || style.visibility !== 'visible') return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  return {
    alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map(
      (l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`,
    ),
    visible: others.map((other) => {
      const matches = document.querySelectorAll(`main a[hreflang="${other}"][href="../${other}/${file}"]`);
      return matches.length === 1 && elementVisible(matches[0]!);
    }),
  };
}
