// What an answer view says while it has no rows to show: what to choose, loading, the API's
// refusal (with a retry), or that the answer is empty.
import { isRefusal } from '../../api/client.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useApiMessage, useT } from '../../i18n/useT.ts';
import type { Answer } from './useAnswer.ts';

interface Props {
  answer: Answer<unknown>;
  retry(): void;
  /** What to say before anything is chosen, and when the answer has no rows. */
  idle?: StringKey;
  empty?: StringKey;
  isEmpty?: boolean;
}

export function AnswerStatus({ answer, retry, idle, empty, isEmpty }: Props) {
  const t = useT();
  const apiMessage = useApiMessage();
  if (answer.status === 'idle') return idle ? <p className="answer__note" data-testid="answer-idle">{t(idle)}</p> : null;
  if (answer.status === 'loading') return <p className="answer__note" role="status" data-testid="answer-loading">{t('loading')}</p>;
  if (answer.status === 'error') {
    // Asking again helps when the API was away, not when it refused the question.
    const refused = isRefusal(answer.error);
    return (
      <div className="answer__note answer__note--error" role="alert" data-testid="answer-error">
        {t(refused ? 'answerRefused' : 'answerFailed', { message: apiMessage(answer.error.message) })}
        {!refused && <> <button type="button" onClick={retry}>{t('retry')}</button></>}
      </div>
    );
  }
  return isEmpty && empty ? <p className="answer__note" data-testid="answer-empty">{t(empty)}</p> : null;
}
