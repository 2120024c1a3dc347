// Injected into CommonJS bundles: `import.meta.url` of the bundle itself.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
