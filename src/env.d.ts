declare module 'deal-lens:dataset' {
  import type { Dataset } from './core/schema';
  const dataset: Dataset;
  export default dataset;
}
declare const __BROWSER__: 'chrome' | 'firefox';
declare const __DEV__: boolean;
