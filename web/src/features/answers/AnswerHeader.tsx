// The title and one-line introduction at the head of each answer page.
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';

export function AnswerHeader({ title, intro }: { title: StringKey; intro: StringKey }) {
  const t = useT();
  return (
    <header className="answer__header">
      <h2>{t(title)}</h2>
      <p className="muted">{t(intro)}</p>
    </header>
  );
}
