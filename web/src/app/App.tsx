// The page: header (search, language), the view tabs, the API banner, and the view the URL names:
// the explorer (chain view and details panel) or one of the answer views.
import { ApiKeyControl } from '../features/auth/ApiKeyControl.tsx';
import { useT } from '../i18n/useT.ts';
import { AdoptersPage } from '../features/adopters/AdoptersPage.tsx';
import { ChainView } from '../features/chain-view/ChainView.tsx';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { GapsPage } from '../features/gaps/GapsPage.tsx';
import ImportPage from '../features/import/ImportPage.tsx';
import { Tabs } from '../features/nav/Tabs.tsx';
import { useRoute, type View } from '../features/nav/route.ts';
import { PartnersPage } from '../features/partners/PartnersPage.tsx';
import { PathPage } from '../features/paths/PathPage.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { actions, useApp } from '../store/store.ts';
import { ApiBanner } from './ApiBanner.tsx';

function CurrentView({ view }: { view: View }) {
  switch (view) {
    case 'explore':
      return <><ChainView /><DetailsPanel /></>;
    case 'partners':
      return <PartnersPage />;
    case 'gaps':
      return <GapsPage />;
    case 'adopters':
      return <AdoptersPage />;
    case 'path':
      return <PathPage />;
    case 'import':
      return <ImportPage />;
  }
}

export function App() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { view } = useRoute();
  return (
    <div className="app">
      <header className="app__header">
        <a className="app__brand" href="/" onClick={(e) => {
          e.preventDefault();
          actions.home();
        }}
        >
          <strong>{t('appTitle')}</strong> <span>{t('tagline')}</span>
        </a>
        <SearchBox />
        <ApiKeyControl />
        <button
          type="button" className="app__lang" data-testid="lang-toggle" title={t('languageTitle')}
          onClick={() => actions.setLang(lang === 'en' ? 'zh' : 'en')}
        >
          {t('language')}
        </button>
      </header>
      <Tabs view={view} />
      <ApiBanner />
      <main className="app__main" data-view={view}>
        <CurrentView view={view} />
      </main>
    </div>
  );
}
