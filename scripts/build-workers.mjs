// Bundles the web workers after `tsc` (part of `npm run build`). Placeholder: nothing to bundle yet.
