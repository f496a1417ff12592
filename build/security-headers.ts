/**
 * The page's security headers, in one place: `npm start` and `vite preview` send them, the built
 * index.html carries the policy as a meta tag too (for a host that sends no headers), and the README's
 * nginx and Apache snippets repeat them.
 *
 * Nothing needs more: scripts and styles are files of this site (CodeMirror's run-time styles go into a
 * constructable stylesheet in its shadow root), the templates are fetched from it, and nothing is framed
 * or sent anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The policy as a meta tag: browsers ignore frame-ancestors there, so the header stays the reference. */
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(
  "; frame-ancestors 'none'",
  '',
)}" />`;
