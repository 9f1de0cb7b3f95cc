// Bump when extraction output changes: the nightly run re-extracts every file an older version produced.
export const EXTRACTOR_VERSION = '0.1.0';
