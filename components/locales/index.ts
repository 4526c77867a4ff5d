import { deLabels } from './de.js';
import { esLabels } from './es.js';
import { frLabels } from './fr.js';
import { jaLabels } from './ja.js';

/**
 * The label packs Podium ships, by language subtag. Plain string tables (no runtime library):
 * `useLabels` picks one by the provider's `locale`, over the English defaults.
 */
export const labelPacks = { de: deLabels, es: esLabels, fr: frLabels, ja: jaLabels };
