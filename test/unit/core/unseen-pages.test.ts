/**
 * Eight whole news pages the engine has never seen, written in styles unlike
 * the seeds (wire copy, a hype blog, 2023/2024 reports of the earlier
 * investments, rival investors' deals, an earnings story, an opinion column).
 * Labels in test/fixtures/unseen/labels.json are judged from DEAL-FACTS.md,
 * not from engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages', 'test/fixtures/unseen');
