export { loadScaleContent, assertScaleSeedOptions } from './load';
export type { ScaleSeedOptions, ScaleSeedProgress, ScaleSeedResult, ScaleSeedCounts } from './load';
export { generateTestimony, type GeneratedTestimony } from './testimonies';
export { generateArticle, type GeneratedArticle } from './articles';
