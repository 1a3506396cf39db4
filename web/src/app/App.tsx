// The page: header (search, language), the API banner, the chain view and the details panel.
import { useT } from '../i18n/useT.ts';
import { ChainView } from '../features/chain-view/ChainView.tsx';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { actions, useApp } from '../store/store.ts';
import { ApiBanner } from './ApiBanner.tsx';

export function App() {
  const t = useT();
  const lang = useApp((s) => s.lang);
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
        <button
          type="button" className="app__lang" data-testid="lang-toggle" title={t('languageTitle')}
          onClick={() => actions.setLang(lang === 'en' ? 'zh' : 'en')}
        >
          {t('language')}
        </button>
      </header>
      <ApiBanner />
      <main className="app__main">
        <ChainView />
        <DetailsPanel />
      </main>
    </div>
  );
}
