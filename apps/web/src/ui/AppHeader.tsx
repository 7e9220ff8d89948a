import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/** The top bar of every page but the canvas: logo, main navigation, language. */
export function AppHeader() {
  return (
    <header className="topbar">
      <Brand />
      <MainNav />
      <LanguageSwitch />
    </header>
  );
}
