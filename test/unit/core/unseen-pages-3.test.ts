/**
 * A third batch of eight whole news pages the engine has never seen (not tuned
 * on): a wire markets brief, a tech-blog listicle with three wrong claims in new
 * wording, a five-item newsletter where the deal is one item (Amazon retail, a
 * chef named Claude, the anthropic principle, Microsoft/OpenAI figures), an
 * interview transcript, a UK-spelling article (US$, bn, cheque, programme), a
 * March 2024 story on the $2.75 billion instalment, a hedged opinion piece, and
 * a page whose headline is wrong but whose body is right. Labels in
 * test/fixtures/unseen-3/labels.json are judged from DEAL-FACTS.md, not from
 * engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, third batch', 'test/fixtures/unseen-3');
