// The generated catalogues of the providers in src/core/providers/builtin/svix-senders.ts, each
// from its own SDK's published types: `build(root)` -> { meta, events, templates, types? }.
export const SVIX_PARTS = {};
