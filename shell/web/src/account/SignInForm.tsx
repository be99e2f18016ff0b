/**
 * Sign-in for residents and cadres: account and password, then the six-digit dynamic code when the
 * role needs a second factor — or, at a province or county account's first sign-in, enrolment: the
 * secret to type into an authenticator app, then its first code. Errors are the server's own zh-CN
 * messages, read out by screen readers.
 */
import { Button, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import { useConsoleT } from './messages.js';
import {
  enableTotp,
  SessionError,
  type SessionInfo,
  signIn,
  startTotpEnrolment,
  submitTotp,
} from './session.js';

export interface SignInFormProps {
  onSignedIn(session: SessionInfo): void;
  fetch?: typeof fetch;
}

export function SignInForm({ onSignedIn, fetch: fetchImpl }: SignInFormProps) {
  const t = useConsoleT();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [pendingMfa, setPendingMfa] = useState<SessionInfo | null>(null);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<SessionInfo>) => {
    setBusy(true);
    setError(null);
    try {
      const session = await work();
      if (session.mfa === 'passed') onSignedIn(session);
      else {
        setPendingMfa(session);
        if (session.mfa === 'enrolment-required')
          setEnrolment(await startTotpEnrolment(session.csrfToken, fetchImpl));
      }
    } catch (thrown) {
      setError(thrown instanceof SessionError ? thrown.zh : t('account.failed'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pendingMfa) {
      const finish = enrolment ? enableTotp : submitTotp;
      void run(() => finish(code.trim(), pendingMfa.csrfToken, fetchImpl));
      return;
    }
    if (!name.trim() || !password) {
      setError(t('account.missing'));
      return;
    }
    void run(() => signIn(name.trim(), password, fetchImpl));
  };

  return (
    <form className="shell-signin" onSubmit={submit} noValidate>
      {enrolment ? (
        <div className="shell-signin__enrol" aria-live="polite">
          <p>{t('account.enrol')}</p>
          <p>
            {t('account.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
        </div>
      ) : null}
      {pendingMfa ? (
        <TextField
          label={t('account.code')}
          hint={t('account.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onValueChange={setCode}
          required
        />
      ) : (
        <>
          <TextField
            label={t('account.name')}
            autoComplete="username"
            value={name}
            onValueChange={setName}
            required
          />
          <TextField
            label={t('account.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            required
          />
        </>
      )}
      {error ? (
        <p className="shell-signin__error" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" block loading={busy}>
        {pendingMfa ? t('account.verify') : t('account.signIn')}
      </Button>
    </form>
  );
}
