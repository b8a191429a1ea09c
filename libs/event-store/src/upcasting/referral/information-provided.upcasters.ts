import { SHARING_NOT_RECORDED, type InformationProvided, type SharingDecision } from '@app/domain';

/**
 * v1: stored before schema versions were stamped. Responses from before sharing decisions
 * have a summary and no `sharing`; later ones carry the agency's decision.
 */
export type InformationProvidedV1 = Omit<InformationProvided['data'], 'sharing'> & { sharing?: SharingDecision };

/** v1 → v2: a response without a decision reads as shared, general, basis not recorded. */
export function informationProvidedV1ToV2(data: InformationProvidedV1): InformationProvided['data'] {
  return { ...data, sharing: data.sharing ?? { ...SHARING_NOT_RECORDED } };
}
