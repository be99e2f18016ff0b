/**
 * Sign-in for residents and cadres: account and password, then the six-digit dynamic code when the
 * role needs a second factor. Errors are the server's own zh-CN messages, read out by screen readers.
 */
import { Button, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import { useConsoleT } from './messages.js';
import { SessionError, type SessionInfo, signIn, submitTotp } from './session.js';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<SessionInfo>) => {
    setBusy(true);
    setError(null);
    try {
      const session = await work();
      if (session.mfa === 'passed') onSignedIn(session);
      else if (session.mfa === 'required') setPendingMfa(session);
      else setError(t('account.enrol'));
    } catch (thrown) {
      setError(thrown instanceof SessionError ? thrown.zh : t('account.failed'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pendingMfa) {
      void run(() => submitTotp(code.trim(), pendingMfa.csrfToken, fetchImpl));
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
