import type { Actor, InformationProvided, RecordedLawfulBasis, Sensitivity } from '@app/domain';

/**
 * One agency contribution as a reader sees it. The decision, its basis and the sensitivity are
 * always shown; the summary and purpose only when the reader may see that sensitivity, and
 * otherwise `withheld` says something is there without a word of it. "Held, not shared" shows
 * its reason: it is the record of a decision, not the information.
 */
export interface ContributionView {
  agency: InformationProvided['data']['agency'];
  responseId: string;
  respondedAt: string;
  dueAt: string;
  late: boolean;
  addition: boolean;
  by: Actor;
  decision: 'shared' | 'held-not-shared';
  lawfulBasis: RecordedLawfulBasis;
  sensitivity: Sensitivity | null;
  withheld: boolean;
  summary: string | null;
  purpose: string | null;
  reason: string | null;
}

/**
 * Pure: the contributions, in the order recorded, as a reader allowed `visible` sees them.
 * Responses come from the event store, upcast: every one carries its sharing decision.
 */
export function visibleContributions(provided: readonly InformationProvided['data'][], visible: readonly Sensitivity[]): ContributionView[] {
  return provided.map((response) => {
    const { sharing } = response;
    const base = {
      agency: response.agency,
      responseId: response.responseId,
      respondedAt: response.providedAt,
      dueAt: response.dueAt,
      late: response.late,
      addition: response.addition,
      by: { userId: response.by.userId, agency: response.by.agency },
      decision: sharing.decision,
      lawfulBasis: sharing.lawfulBasis,
    };
    if (sharing.decision === 'held-not-shared') {
      return { ...base, sensitivity: null, withheld: false, summary: null, purpose: null, reason: sharing.reason };
    }
    const seen = visible.includes(sharing.sensitivity);
    return {
      ...base,
      sensitivity: sharing.sensitivity,
      withheld: !seen,
      summary: seen ? (response.summary ?? null) : null,
      purpose: seen ? sharing.purpose : null,
      reason: null,
    };
  });
}
