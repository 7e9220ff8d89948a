import { addReply, ANNOTATION_BODY_MAX } from '@cocrea/collab';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Annotator } from './AnnotationsContext';

interface Props {
  doc: Y.Doc;
  threadId: string;
  me: Annotator;
}

/** A one-line-to-many reply box under a thread. */
export function ReplyForm({ doc, threadId, me }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const empty = body.trim().length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (empty) return;
    addReply(doc, threadId, { body, author: { id: me.id, name: me.name, role: me.role } });
    setBody('');
  };

  return (
    <form className="annotation-reply" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`reply-${threadId}`}>
        {t('annotations.replyLabel')}
      </label>
      <textarea
        id={`reply-${threadId}`}
        rows={1}
        value={body}
        maxLength={ANNOTATION_BODY_MAX}
        placeholder={t('annotations.replyPlaceholder')}
        data-testid="annotation-reply"
        onChange={(e) => setBody(e.target.value)}
      />
      <button type="submit" className="button button--small" data-testid="annotation-reply-submit" disabled={empty}>
        {t('annotations.replySubmit')}
      </button>
    </form>
  );
}
