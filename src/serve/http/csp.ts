/**
 * The Content-Security-Policy for the panel, shared by the Electron window and
 * the serve-mode HTTP server so the two hosts cannot drift apart.
 */
export interface CspOptions {
  /**
   * Origin of the Vite dev server (for example `http://localhost:5173`). Its
   * hot reload needs inline scripts and styles and a WebSocket, so these are
   * allowed only when this is set.
   */
  devServerOrigin?: string;
}

/** The policy string; the panel loads nothing from other origins. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const wsOrigin = dev?.replace(/^http/, 'ws');
  const directives = [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Built CSS is a file; the dev server injects <style> elements instead.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    wsOrigin ? `connect-src 'self' ${wsOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
