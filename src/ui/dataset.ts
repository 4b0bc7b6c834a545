/**
 * The bundled dataset, typed. (The ambient `deal-lens:dataset` declaration in
 * env.d.ts cannot resolve its relative type import, so it reads as `any`.)
 */
import bundled from 'deal-lens:dataset';
import type { Dataset } from '../core/schema';

export const dataset: Dataset = bundled;
