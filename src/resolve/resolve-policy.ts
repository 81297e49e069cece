import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { authorities, defaultAuthority } from '../law/authorities.js';
import type { SourceDocument } from '../load/load-document.js';
import type { PolicyModel } from './model.js';
import { resolveProcessorActivities, resolveReferences } from './resolve-collections.js';
import { ResolveContext } from './resolve-context.js';
import { resolvePurposes } from './resolve-purposes.js';
import { resolveRights } from './resolve-rights.js';

/**
 * Turns a schema-valid document into a model: references between purposes,
 * data categories, processors, recipients and retention rules resolved
 * (a dangling or duplicate id is an error at its position), bases
 * normalised, rights derived from the bases actually used. One resolver per
 * collection, over a shared ResolveContext (report, claim, look up).
 */
export function resolvePolicy(doc: SourceDocument): { value: PolicyModel; diagnostics: Diagnostic[] } {
  const ctx = new ResolveContext(doc);
  const { source } = ctx;
  const refs = resolveReferences(ctx);
  const purposes = resolvePurposes(ctx, refs);
  const processorActivities = resolveProcessorActivities(ctx, refs);
  const rights = resolveRights(ctx, purposes);
  return {
    value: {
      source,
      id: source.id,
      languages: source.metadata.languages,
      dataSubjects: [...refs.subjects.values()],
      dataCategories: [...refs.categories.values()],
      purposes,
      processorActivities,
      processors: [...refs.processors.values()],
      recipients: [...refs.recipients.values()],
      retention: [...refs.retention.values()],
      rights,
      controllers: [...refs.controllers.values()],
      authority: authorities[source.complaints?.authority ?? defaultAuthority],
      ...(doc.replacedLists ? { replacedLists: doc.replacedLists } : {}),
    },
    diagnostics: ctx.diagnostics,
  };
}
