/**
 * A fifth batch of eight whole news pages the engine has never seen (not tuned
 * on), each in a style the earlier batches lack: an Irish regional paper's
 * rewrite of a wire story (date only in the dateline) that puts the figures in
 * a new order with unusual verbs ("pencilled in", "tops up", "earmarks",
 * "ploughed"); a long-read magazine feature whose figures are spread over many
 * paragraphs and whose parties are mostly "the Seattle company", "the San
 * Francisco lab", "the e-commerce giant" and "the AI developer"; a press
 * release in corporate-blog voice with every figure right; a fact-check of
 * five quoted viral claims, each followed by a rating and a verdict (the
 * quoted claims are not the page's; one verdict slips); an investor newsletter
 * comparing Amazon's and Google's positions whose Google and Microsoft figures
 * must not be read as Amazon's; a US public-radio story with nearly every
 * number in words and two wrong claims in words; a "week in AI" roundup of
 * eight items, one of them the deal with one wrong figure; and an AWS
 * re:Invent 2025 keynote recap sharing the deal's vocabulary (Trainium,
 * gigawatts, Bedrock, Rainier, "up to $50 billion" for something else) that is
 * not about the deal (no annotations). Labels in
 * test/fixtures/unseen-5/labels.json are judged from DEAL-FACTS.md, not from
 * engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, fifth batch', 'test/fixtures/unseen-5');
