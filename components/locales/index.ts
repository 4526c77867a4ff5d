import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';

/**
 * Every label pack Podium ships, by language subtag, for Storybook, the demo and the tests, which
 * show every language. Not part of a public entry: hosts import the packs they use one by one
 * (`podium-kit/locales/de`…) and register them with `<PodiumProvider labelPacks>`, so a host
 * ships only those (each is a 2–3 kB gz string table).
 */
export const labelPacks = { de, es, fr, ja };
