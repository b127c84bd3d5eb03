export const YEAR = 31_536_000;

/** Helmet's options for pages only: the API's JSON routes and /docs keep their own headers. */
export function securityHeaders(https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Badge images may be absolute https URLs in a programme's files.
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    // The magic-link page has a token in its URL: never send it to another site.
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: YEAR } : false,
  };
}
