import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSession } from './SessionContext';

/**
 * The account in the header: "Iniciar sesión" for a visitor; for an account its initials (and
 * name), opening a menu with name, role, "Cambiar contraseña" and "Cerrar sesión". `compact` (the mesa header, where
 * room is short and the join form has its own way in) shows initials only and no sign-in link.
 */
export function AccountMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const [path, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (session.phase === 'loading') return <span className="account-menu account-menu--pending" aria-hidden="true" />;
  const { account } = session;
  if (!account) {
    // A mesa's pages have their own way in (the join form); a participant needs no sign-in there.
    if (compact || path === '/entrar' || path.startsWith('/invitaciones/') || path.startsWith('/mesas/')) return null;
    return (
      <Link href={`/entrar?next=${encodeURIComponent(path)}`} className="button button--small account-menu__sign-in" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Link>
    );
  }

  const signOut = () => {
    setBusy(true);
    void session.signOut().finally(() => {
      setBusy(false);
      setOpen(false);
      navigate('/');
    });
  };

  return (
    <div className={compact ? 'account-menu account-menu--compact' : 'account-menu'} ref={root}>
      <button
        type="button"
        className="account-menu__button"
        data-testid="account-menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('auth.menuLabel', { name: account.name })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {initials(account.name)}
        </span>
        <span className="account-menu__name" data-testid="account-name">
          {account.name}
        </span>
      </button>
      {open && (
        <div className="account-menu__panel" id={menuId}>
          <p className="account-menu__who">
            <strong>{account.name}</strong>
            <span className="muted small">{account.email}</span>
            <span className="chip" data-testid="account-role" data-role={account.role}>
              {t(`roles.${account.role}`)}
            </span>
          </p>
          <Link href="/cuenta/contrasena" className="button button--block" data-testid="change-password-link" onClick={() => setOpen(false)}>
            {t('auth.changePassword')}
          </Link>
          <button type="button" className="button button--block" data-testid="sign-out" disabled={busy} onClick={signOut}>
            {t('auth.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
