/**
 * A fourth batch of eight whole news pages the engine has never seen (not tuned
 * on), each in a style the earlier batches lack: an explainer built as a
 * definition list whose answers omit the parties ("Twelve years, starting this
 * year."); a data page whose comparison table of hyperscaler–AI lab deals has
 * three wrong cells in the Amazon–Anthropic row among right figures for the
 * neighbouring deals; a markets live blog mixing the deal with rates and oil in
 * terse shorthand; an Amazon Q1 2026 earnings story with two paragraphs on the
 * deal; a first-person column that quotes wrong figures to reject them and
 * makes one slip of its own; a Claude Opus 4.7 launch story from before the deal
 * (not about it: no annotations); an Australian business paper (US$/A$, bn,
 * programme, turnover); and a stream page whose short deal story is followed by
 * unrelated Amazon, AWS, "anthropic principle" and Claude Monet stories. Labels
 * in test/fixtures/unseen-4/labels.json are judged from DEAL-FACTS.md, not from
 * engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, fourth batch', 'test/fixtures/unseen-4');
