import { AccountMenu } from '../session/AccountMenu';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/** The top bar of every page but the canvas: logo, main navigation, language, the account. */
export function AppHeader() {
  return (
    <header className="topbar">
      <Brand />
      <MainNav />
      <LanguageSwitch />
      <AccountMenu />
    </header>
  );
}
