import packageJson from '../package.json' with { type: 'json' };

/** This server's version (from server/package.json; bundled into dist at build time). */
export const serverVersion: string = packageJson.version;
