import { RequestType } from 'vscode-languageserver-protocol';

export interface NewDocumentParams {
  /** The user's language (`ja`, `en`, …); picks the template's text and zone. */
  locale: string;
  /** The client's local date, YYYY-MM-DD: the server has no business guessing the user's day. */
  today: string;
}

export const NewDocumentRequest = new RequestType<NewDocumentParams, { text: string }, void>('postmortem/newDocument');
