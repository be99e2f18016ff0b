/** The identity tables as Kysely sees them (./migrations.ts creates them, the same on both engines). */
import type { Generated } from 'kysely';
import type { IdentityRole } from './roles.js';

export interface UsersTable {
  id: number;
  name: string;
  display_name: string;
  role: IdentityRole;
  division: string;
  household: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  totp_pending_secret: string | null;
  totp_failures: number;
  totp_locked_until: string | null;
  oidc_subject: string | null;
  phone: string | null;
  phone_verified_at: string | null;
  wechat_openid: string | null;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  mfa_passed: number;
  created_at: string;
  expires_at: string;
}

export interface OidcAttemptsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  browser_hash: string;
}

interface PhoneCodesTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

interface WechatStatesTable {
  state_hash: string;
  browser_hash: string;
  scope: 'snsapi_base' | 'snsapi_userinfo';
  village: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

interface WechatTokensTable {
  name: string;
  value: string;
  expires_at: string;
  holder: string;
  /** While later than now, `holder` is fetching the value anew; '' when nobody is. */
  claim_until: string;
}

export interface IdentityDatabase {
  identity_users: UsersTable;
  identity_sessions: SessionsTable;
  identity_oidc_attempts: OidcAttemptsTable;
  identity_phone_codes: PhoneCodesTable;
  identity_wechat_states: WechatStatesTable;
  identity_wechat_tokens: WechatTokensTable;
}
