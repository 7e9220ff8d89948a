import { setResolved, type AnnotationAuthor, type AnnotationThread } from '@cocrea/collab';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../ui/useFormats';
import { useAnnotations } from './AnnotationsContext';
import { ReplyForm } from './ReplyForm';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function Byline({ author, at }: { author: AnnotationAuthor; at: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <p className="annotation-byline">
      <span className="annotation-byline__name">{author.name}</span>
      <span className={`annotation-role annotation-role--${author.role}`}>{t(`annotations.role.${author.role}`)}</span>
      <time dateTime={at}>{dateTime(at)}</time>
    </p>
  );
}

/** One thread: the note (kind, author, date, text, source or verdict), its replies, reply and resolve. */
export function ThreadCard({ thread }: { thread: AnnotationThread }) {
  const { t } = useTranslation();
  const { stamp } = useFormats();
  const annotations = useAnnotations();
  if (!annotations) return null;
  const { me, rights, doc } = annotations;
  const resolved = thread.resolved;

  const toggle = () => {
    if (doc) setResolved(doc, thread.id, resolved ? null : { id: me.id, name: me.name });
  };

  return (
    <article
      className={`annotation-thread annotation-thread--${thread.kind}${resolved ? ' is-resolved' : ''}`}
      data-testid="annotation-thread"
      data-thread-id={thread.id}
      data-kind={thread.kind}
      data-resolved={resolved ? 'true' : 'false'}
    >
      <div className="annotation-thread__badges">
        <span className={`annotation-kind annotation-kind--${thread.kind}`}>{t(`annotations.kind.${thread.kind}`)}</span>
        {thread.kind === 'veredicto' && (
          <span className={`annotation-verdict annotation-verdict--${thread.verdict}`} data-testid="annotation-verdict-badge">
            {t(`annotations.verdict.${thread.verdict}`)}
          </span>
        )}
        {resolved && <span className="annotation-resolved-badge">{t('annotations.resolvedBadge')}</span>}
      </div>
      <Byline author={thread.author} at={thread.createdAt} />
      <p className="annotation-body">{thread.body}</p>
      {thread.kind === 'evidencia' && (
        <p className="annotation-source">
          <span>{t('annotations.source')}: </span>
          <a href={thread.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="annotation-source-link" title={thread.sourceUrl}>
            {hostOf(thread.sourceUrl)}
          </a>
        </p>
      )}

      {thread.replies.length > 0 && (
        <ol className="annotation-replies" aria-label={t('annotations.replies', { count: thread.replies.length })}>
          {thread.replies.map((r) => (
            <li key={r.id} className="annotation-reply-item" data-testid="annotation-reply-item">
              <Byline author={r.author} at={r.createdAt} />
              <p className="annotation-body">{r.body}</p>
            </li>
          ))}
        </ol>
      )}

      {resolved && <p className="annotation-resolved-by">{t('annotations.resolvedBy', { stamp: stamp(resolved) })}</p>}

      {!resolved && rights.reply && doc && <ReplyForm doc={doc} threadId={thread.id} me={me} />}

      {rights.resolve && doc && (
        <button type="button" className="button button--small button--quiet annotation-resolve" data-testid="annotation-resolve" onClick={toggle}>
          {t(resolved ? 'annotations.reopen' : 'annotations.resolve')}
        </button>
      )}
    </article>
  );
}
