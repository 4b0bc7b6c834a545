/**
 * Batch 35 of whole news pages the engine has never seen (not tuned on), written
 * blind by a helper from DEAL-FACTS.md alone. Labels in
 * test/fixtures/unseen-35/labels.json; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, batch 35', 'test/fixtures/unseen-35');
