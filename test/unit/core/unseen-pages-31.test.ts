/**
 * Batch 31 of whole news pages the engine has never seen (not tuned on), written
 * blind by a helper from DEAL-FACTS.md alone. Labels in
 * test/fixtures/unseen-31/labels.json; the checks are in unseen-batch.ts.
 *
 * Numbers in unusual shapes: ratios, shares, per-year and per-month averages,
 * conversions. Most of its wrong claims are wrong arithmetic about true figures
 * ("half of the $25 billion is paid up front", "a ratio of 20 to 1"), which the
 * engine does not check (it compares stated figures with the record, it does not
 * redo a page's sums): on first sight it flagged 0 of 15, and 1 after the fixes
 * for this batch. What the batch asserts is precision: correct arithmetic in those
 * shapes is never flagged, and every page decision holds. Recall is reported.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, batch 31', 'test/fixtures/unseen-31', { recall: 'report' });
