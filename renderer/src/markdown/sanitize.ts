import DOMPurify from 'dompurify';

/**
 * Model output is untrusted: everything rendered from it passes through here. KaTeX needs
 * MathML, SVG and inline styles; our own markers are data attributes, which DOMPurify keeps.
 */
let configured = false;

export function sanitizeHtml(html: string): string {
  if (html === '') return '';
  if (!configured) {
    // Set once: passing the config to every call makes DOMPurify rebuild its allow-lists each time.
    DOMPurify.setConfig({
      USE_PROFILES: { html: true, svg: true, mathMl: true },
      // KaTeX wraps MathML in <semantics> with the TeX source as an <annotation>: without them the
      // source would be left as loose text inside <math>, read aloud after the formula.
      ADD_TAGS: ['semantics', 'annotation'],
      ADD_ATTR: ['encoding'],
      FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'annotation-xml'],
      FORBID_ATTR: ['srcset', 'action', 'formaction'],
      ALLOW_DATA_ATTR: true,
    });
    configured = true;
  }
  return DOMPurify.sanitize(html);
}
