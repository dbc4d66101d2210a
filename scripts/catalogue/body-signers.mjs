// The generated catalogues of the providers in src/core/providers/builtin/body-signers.ts, each
// from its own published source: `build(root)` -> { meta, events, templates, types? }.
export const BODY_PARTS = {
  square: async (root) => (await import('./square.mjs')).squareCatalogue(root),
  lemonsqueezy: async (root) => (await import('./lemonsqueezy.mjs')).lemonsqueezyCatalogue(root),
  typeform: async (root) => (await import('./typeform.mjs')).typeformCatalogue(root),
  pagerduty: async (root) => (await import('./pagerduty.mjs')).pagerdutyCatalogue(root),
  sentry: async (root) => (await import('./sentry.mjs')).sentryCatalogue(root),
  vercel: async (root) => (await import('./vercel.mjs')).vercelCatalogue(root),
  razorpay: async (root) => (await import('./razorpay.mjs')).razorpayCatalogue(root),
  gocardless: async (root) => (await import('./gocardless.mjs')).gocardlessCatalogue(root),
};
