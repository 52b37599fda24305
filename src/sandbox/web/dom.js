// @ts-check
/**
 * DOM helpers for the sandbox page. Everything shown is built with elements and text nodes; no
 * string of HTML is ever parsed, so nothing in a message can inject markup.
 */

/** @typedef {string | number | boolean | null | undefined | ((event: Event) => void)} AttrValue Attributes; `on…` are listeners. */
/** @typedef {Node | string | null | undefined | false} Leaf */
/** @typedef {Leaf | readonly (Leaf | readonly (Leaf | readonly Leaf[])[])[]} Child Nodes, text, or lists of them (nested up to three deep). */

/**
 * The page's element with this id, checked to be of `type` (HTMLElement unless said otherwise).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {new () => T} [type]
 * @returns {T}
 */
export function $(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof (type ?? HTMLElement))) throw new Error(`The page has no #${id} of the expected kind.`);
  return /** @type {T} */ (el);
}

/**
 * Creates an element. Attributes are set with setAttribute; `on…` functions become listeners.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttrValue> | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Replaces an element's children (unlike replaceChildren(), arrays are flattened, null skipped).
 * @param {Element | DocumentFragment} el
 * @param {...Child} children
 */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Appends children; strings become text nodes, null/false are skipped.
 * @param {Element | DocumentFragment} el
 * @param {readonly Child[]} children
 */
export function append(el, children) {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child !== null && child !== undefined && child !== false)
      el.append(/** @type {Node | string} */ (child));
  }
}

const ICONS = {
  hash: 'M10 4 8 20M16 4l-2 16M4.5 9h16M3.5 15h16',
  thread: 'M4 5h16v10H10l-4 4v-4H4zM8 9h8M8 12h5',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  warning: 'M12 3 2 20h20zM12 9v5M12 17v.5',
  close: 'M6 6l12 12M18 6 6 18',
  check: 'M5 12.5l4.5 4.5L19 7',
  chevron: 'M9 6l6 6-6 6',
  reply: 'M20 19v-3a6 6 0 0 0-6-6H5M9 6l-4 4 4 4',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  slash: 'M15 4 9 20',
  file: 'M6 2h8l4 4v16H6zM14 2v4h4M9 13h6M9 17h6',
};

/**
 * A small stroked SVG icon (decorative).
 * @param {keyof typeof ICONS} name
 * @param {number} [size]
 */
export function icon(name, size = 16) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: size,
    height: size,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    class: `icon icon-${name}`,
  })) {
    svg.setAttribute(k, String(v));
  }
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
