import type { Agency, WorkingDuration } from '@app/domain';

/**
 * A hub's policy: the national frame with the hub's own choices (issue 5, "Hub policy").
 * Published as JSON Schema in libs/hub-policy/schema/hub-policy.v1.schema.json; a test keeps the
 * two in step. Staff contacts only: a policy never holds case data.
 */
export interface HubPolicyDocument {
  schemaVersion: 1;
  /** Whose referrals the hub takes. */
  scope: 'children' | 'adults' | 'both';
  directReferrals: DirectReferrals;
  agencies: { core: MemberAgency[]; contributing: MemberAgency[] };
  /** The one manager accountable for all the hub's practice and decisions (policy brief, rec. 2). */
  accountableManager: StaffMember;
  /** Who may authorise decisions in the accountable manager's name. */
  delegates: StaffMember[];
  /** The hub's RAG levels, in any order; `severity` ranks them (highest = most severe). */
  ragLevels: RagLevelPolicy[];
  timescales: Timescales;
  /** Who is told when a deadline is missed: rung 1 first, then up the ladder. */
  escalationLadder: EscalationRungPolicy[];
  calendar: CalendarPolicy;
  informationSharingAgreement: InformationSharingAgreement;
  dataProtectionProtocol: DataProtectionProtocol;
  funding: FundingContribution[];
}

/**
 * Who may refer straight to the hub. `sources`: 'any-agency'; 'police-only'; 'listed-agencies'
 * (then `agencies` names them; otherwise it is empty). `publicFrontDoor`: members of the public
 * may refer too, through the hub's front door.
 */
export interface DirectReferrals {
  sources: 'any-agency' | 'police-only' | 'listed-agencies';
  agencies: Agency[];
  publicFrontDoor: boolean;
}

export interface MemberAgency {
  agency: Agency;
  /** Who at the agency is told when it misses a deadline, by role on the escalation ladder. */
  escalationContacts: EscalationContact[];
}

/** A member of staff, reachable by email or phone (at least one). */
export interface EscalationContact {
  role: string;
  name: string;
  email?: string;
  phone?: string;
}

export interface StaffMember {
  userId: string;
  name: string;
}

export interface RagLevelPolicy {
  code: string;
  label: string;
  /** The hub's own threshold wording, shown to practitioners at triage. */
  wording: string;
  severity: number;
  /** Null: nobody is asked and there is no target (e.g. 'blue'); then `agenciesAsked` is empty. */
  informationRequestTimescale: WorkingDuration | null;
  /** A reminder goes this much working time before the due time; null: no reminder. */
  reminderLeadTime: WorkingDuration | null;
  /** Members that signed the sharing agreement, asked for what they hold at this level. */
  agenciesAsked: Agency[];
}

export interface Timescales {
  triage: { child: WorkingDuration; adult: WorkingDuration };
  /** How long a decision may wait in the authorisation queue before it escalates. */
  authorisation: WorkingDuration;
  /** From receipt to the strategy discussion when the referral reports immediate risk. */
  immediateRiskStrategyDiscussion: WorkingDuration;
  actionDefault: WorkingDuration;
  /** Null: actions are not reminded before they fall due. */
  actionReminder: WorkingDuration | null;
  /** How long after closure the referrer may still challenge the outcome. */
  challengeWindow: WorkingDuration;
}

export interface EscalationRungPolicy {
  /** 1 for the first rung, then 2, 3, … in order. */
  level: number;
  notify: EscalationRecipientPolicy[];
  /** Time until the next rung; on the top rung, the interval at which it repeats. Absent: stop. */
  nextRungAfter?: WorkingDuration;
}

/** `agencyContact`: the escalation contact with this role at the agency concerned. */
export interface EscalationRecipientPolicy {
  role: string;
  agencyContact?: boolean;
}

export interface CalendarPolicy {
  /** IANA zone the hours are in, e.g. 'Europe/London'. */
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local 'HH:mm'; `end` is exclusive and may be '24:00'. */
  workingHours: { start: string; end: string };
  /**
   * Bank holidays by rule for the region. `years` absent: the year of `now` and the next two,
   * as toLifecyclePolicy compiles it (so a policy does not run out of holidays at new year).
   */
  bankHolidays: { region: BankHolidayRegion; years?: number[] };
  /** The hub's own closures and one-off national holidays (which follow no rule). */
  localClosures: LocalClosure[];
}

export const BANK_HOLIDAY_REGIONS = ['england-and-wales'] as const;
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number];

export interface LocalClosure {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface InformationSharingAgreement {
  version: string;
  /** The date the agreement was made, YYYY-MM-DD. */
  date: string;
  /** Agencies that signed; an agency that has not cannot be asked for or shown information. */
  signatories: Signatory[];
  visibility: Visibility;
}

export interface Signatory {
  agency: Agency;
  /** YYYY-MM-DD, on or after the agreement's date. */
  signedOn: string;
  /** Name and post of whoever signed for the agency. */
  signedBy: string;
}

/**
 * How sensitive an item an agency contributes is, least first. 'general': the hub's
 * professionals, and the family where appropriate; 'sensitive': the hub's professionals only;
 * 'restricted': only those the agreement allows it (e.g. police intelligence, sexual health).
 */
export const SENSITIVITY_LEVELS = ['general', 'sensitive', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

/** The roles that read what agencies contribute; every other role sees none of it. */
export const CASE_READER_ROLES = ['practitioner', 'hub-manager'] as const;
export type CaseReaderRole = (typeof CASE_READER_ROLES)[number];

/**
 * Who sees what. A reader from a signatory agency sees an item when its sensitivity is in the
 * list for their role and, where their agency has an entry in `agencies`, in that list too (an
 * agency entry narrows, never widens). Roles not listed, and unsigned agencies, see nothing.
 */
export interface Visibility {
  roles: Record<CaseReaderRole, Sensitivity[]>;
  agencies: Partial<Record<Agency, Sensitivity[]>>;
}

export interface DataProtectionProtocol {
  reference: string;
  version?: string;
  url?: string;
}

export interface FundingContribution {
  agency: Agency;
  /** UK public-sector financial year, April to March: '2026-27'. */
  financialYear: string;
  /** Cash, in pounds sterling. */
  amountGbp: number;
  /** Posts seconded to the hub (full-time equivalent), where the agency contributes in kind. */
  staffFte?: number;
}
