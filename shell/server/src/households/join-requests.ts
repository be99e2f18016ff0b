/**
 * Join requests (入户申请): a signed-in resident with no household asks to join one of their village's
 * register; a cadre of the village (or township or county staff above it) approves — which binds the
 * resident's account to the household and adds them to its members — or rejects with a reason. A
 * resident has at most one open (pending) request at a time.
 */

export type JoinStatus = 'pending' | 'approved' | 'rejected';

/** Relations a resident may name, as the register keeps them. */
export const JOIN_RELATIONS = ['户主', '配偶', '子女', '父母', '兄弟姐妹', '孙辈', '其他'] as const;

export interface JoinRequest {
  id: number;
  village: string;
  /** The resident's sign-in account. */
  accountId: number;
  householdId: number;
  /** The household's number (户号) and head, from the register. */
  householdNumber: string;
  householdHead: string;
  /** The resident's name as they gave it, and their relation to the head. */
  name: string;
  relation: string;
  note: string | null;
  status: JoinStatus;
  /** Why a cadre rejected it. */
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** The account's phone number (for the cadre's masked view), when it has one. */
  phone: string | null;
}

export interface NewJoinRequest {
  village: string;
  accountId: number;
  householdId: number;
  name: string;
  relation: string;
  note: string | null;
}

/** What a decision did: the decided request, or why nothing changed. */
export type JoinDecision =
  | { kind: 'decided'; request: JoinRequest }
  /** No such request in this village. */
  | { kind: 'not-found' }
  /** Another decision came first (the request is no longer pending). */
  | { kind: 'already-decided'; request: JoinRequest }
  /** Approving: the account got a household meanwhile (nothing was changed). */
  | { kind: 'has-household'; request: JoinRequest };

export interface JoinRequestStore {
  migrate(): Promise<void>;
  /** Stores a pending request, or `'open'` when the account already has one pending. */
  create(request: NewJoinRequest): Promise<JoinRequest | 'open'>;
  get(village: string, id: number): Promise<JoinRequest | null>;
  /** The village's pending requests, oldest first. */
  listPending(village: string): Promise<JoinRequest[]>;
  /** The account's latest request, whatever its status. */
  latestOf(accountId: number): Promise<JoinRequest | null>;
  /**
   * Approves a pending request in one transaction: the request, the account's household (only if it
   * has none) and a member row in the register. Of two cadres deciding at once, exactly one wins.
   */
  approve(village: string, id: number, by: string, at: string): Promise<JoinDecision>;
  /** Rejects a pending request with `reason`; as with `approve`, only the first decision counts. */
  reject(village: string, id: number, by: string, reason: string, at: string): Promise<JoinDecision>;
}
