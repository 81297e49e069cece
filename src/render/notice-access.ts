import { sentence } from './format.js';
import type { NoticeContext } from './notice-context.js';
import type { Block } from './outline.js';

/**
 * The terms of the right of access (GDPR 12(3), 12(5), 15(3)), after its general text and before the
 * organisation's own: the first copy is free, and the answer comes within a month (two more only where needed for the
 * complexity or number of requests, announced within the first month with the reason). The month only where the policy states no response time of its own: "how to ask" gives that one
 * (notice:rights.responseTime), and the two would be said twice or disagree.
 */
export function accessTermsBlock({ source, m }: NoticeContext): Block {
  const key = source.rights?.responseTime ? 'terms:right.access.freeCopy' : 'terms:right.access.freeCopyWithinMonth';
  return { paragraph: sentence(m.t(key)) };
}
